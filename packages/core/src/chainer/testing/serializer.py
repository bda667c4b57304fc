"""Round-trips an object through a serializer (for serializer tests)."""
import os
import shutil
import tempfile


def save_and_load(src, dst, filename, saver, loader):
    """Saves ``src`` to ``filename`` with ``saver``, then loads it to ``dst``.

    Args:
        src: An object to save (e.g. a Link or Optimizer).
        dst: An object to load into; it must have the same structure.
        filename (str): The file to write.
        saver: Called as ``saver(filename, src)``.
        loader: Called as ``loader(filename, dst)``.
    """
    saver(filename, src)
    loader(filename, dst)


def _round_trip(src, dst, basename, saver, loader):
    tempdir = tempfile.mkdtemp()
    try:
        save_and_load(src, dst, os.path.join(tempdir, basename),
                      saver, loader)
    finally:
        shutil.rmtree(tempdir, ignore_errors=True)


def save_and_load_npz(src, dst):
    """Round-trips ``src`` to ``dst`` through a temporary NPZ file."""
    from chainer import serializers  # lazy: keeps testing light
    _round_trip(src, dst, 'tmp.npz',
                serializers.save_npz, serializers.load_npz)


def save_and_load_hdf5(src, dst):
    """Round-trips ``src`` to ``dst`` through a temporary HDF5 file."""
    from chainer import serializers
    _round_trip(src, dst, 'tmp.h5',
                serializers.save_hdf5, serializers.load_hdf5)
