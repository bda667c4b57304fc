"""NPZ serialization: ``save_npz``/``load_npz`` and their (de)serializers.

File layout (the v5 format): one ``.npy`` member per value, named by its
path with ``/`` separators and no leading slash, e.g. ``predictor/l1/W``;
a trainer snapshot nests it as ``updater/model:main/predictor/l1/W`` and
``updater/optimizer:main/...``. Scalars are 0-dim arrays and ``None`` is
v5's 0-dim object entry (see :mod:`chainer.serializers._npy_none`).
"""
import os
import zipfile
import zlib

import numpy

from chainer.backends import cuda
from chainer.backends import intel64
from chainer import serializer
from chainer.serializers import _atomic
from chainer.serializers import _loading
from chainer.serializers import _npy_none

_READ_ERRORS = (zipfile.BadZipFile, EOFError, OSError, zlib.error)


def _host_array(value):
    if isinstance(value, cuda.ndarray):
        return value.get()
    if isinstance(value, intel64.mdarray):
        return numpy.asarray(value)
    return numpy.asarray(value)


def _is_none_array(array):
    return array.dtype.hasobject and all(
        item is None for item in array.ravel().tolist())


class DictionarySerializer(serializer.Serializer):

    """Serializer that collects values into a flat dictionary.

    Keys are paths such as ``'predictor/l1/W'`` and values are numpy arrays
    (device arrays are copied to the host). :func:`save_npz` writes the
    dictionary as an npz file.

    Args:
        target (dict): The dictionary to fill; a new one if omitted.
        path (str): Prefix of every key written by this serializer.
    """

    def __init__(self, target=None, path=''):
        if target is None:
            target = {}
        self.target = target
        self.path = path

    def __getitem__(self, key):
        key = key.strip('/')
        return DictionarySerializer(self.target, self.path + key + '/')

    def __call__(self, key, value):
        key = key.lstrip('/')
        self.target[self.path + key] = _host_array(value)
        return value


def _write_npz(file, target, compression):
    for key, array in target.items():
        if array.dtype.hasobject and not _is_none_array(array):
            raise TypeError(
                'cannot save {!r}: values of type object (e.g. dicts) need '
                'pickle, which load_npz refuses; store arrays, scalars, '
                'strings or None'.format(key))
    mode = zipfile.ZIP_DEFLATED if compression else zipfile.ZIP_STORED
    with zipfile.ZipFile(file, mode='w', compression=mode,
                         allowZip64=True) as zf:
        for key, array in target.items():
            with zf.open(key + '.npy', 'w', force_zip64=True) as member:
                if array.dtype.hasobject:
                    member.write(_npy_none.none_npy_bytes())
                else:
                    numpy.lib.format.write_array(
                        member, array, allow_pickle=False)


def save_npz(file, obj, compression=True):
    """Saves an object to a file in NPZ format.

    Everything ``obj.serialize`` reports is written, by
    :class:`DictionarySerializer`. A file name is written through a
    temporary file in the same directory that replaces the target only when
    complete, so an interrupted save never leaves a half-written file.
    File-like objects are written directly.

    Args:
        file (str, path-like or file-like): Target file.
        obj: Object to save (a Link, Optimizer, Trainer, ...).
        compression (bool): If ``True``, members are deflate-compressed.
    """
    s = DictionarySerializer()
    s.save(obj)
    if isinstance(file, (str, bytes, os.PathLike)):
        with _atomic.replacing(file) as tmp:
            with open(tmp, 'wb') as f:
                _write_npz(f, s.target, compression)
    else:
        _write_npz(file, s.target, compression)


class NpzDeserializer(_loading.StagedDeserializer):

    """Deserializer reading an npz archive.

    Every value is checked before it is used: a missing entry raises
    ``KeyError`` (with ``strict=True``), a shape mismatch ``ValueError``
    naming the key and both shapes, an impossible dtype cast ``TypeError``,
    and unreadable data ``ValueError``. Entries are never unpickled; v5's
    ``None`` entries are recognized without running their pickle.

    Args:
        npz: The result of ``numpy.load(file, allow_pickle=False)`` on an
            npz file, or any mapping from keys to arrays.
        path (str): Prefix of the keys to read, e.g.
            ``'updater/model:main/'`` to load a model from a snapshot.
        strict (bool): If ``False``, missing entries are skipped.
        ignore_names (str, callable or list of them): Keys (full paths) to
            skip; a callable gets the key and returns ``True`` to skip it.
    """

    def __init__(self, npz, path='', strict=True, ignore_names=None):
        super(NpzDeserializer, self).__init__(strict, ignore_names)
        self.npz = npz
        self.path = path
        self._source = 'the npz file'

    def __getitem__(self, key):
        key = key.strip('/')
        return self._adopt(NpzDeserializer(
            self.npz, self.path + key + '/', strict=self.strict,
            ignore_names=self.ignore_names))

    def _full_key(self, key):
        return self.path + key.lstrip('/')

    def _contains(self, key):
        return self._full_key(key) in self.npz

    def _fetch(self, key):
        full_key = self._full_key(key)
        try:
            data = self.npz[full_key]
        except ValueError as e:
            # numpy refuses object (pickled) members with allow_pickle=False.
            return self._fetch_object(full_key, e)
        except _READ_ERRORS as e:
            raise _loading.corrupt(self._source, full_key, e) from e
        data = numpy.asarray(data)
        if data.dtype.hasobject and _is_none_array(data):
            return _loading.NONE
        return data

    def _fetch_object(self, full_key, error):
        zf = getattr(self.npz, 'zip', None)
        if zf is None:
            raise _loading.corrupt(self._source, full_key, error) from error
        name = full_key + '.npy'
        if name not in zf.namelist():
            name = full_key
        try:
            with zf.open(name) as fp:
                dtype, is_none = _npy_none.read_object_member(fp)
        except _READ_ERRORS + (ValueError,) as e:
            raise _loading.corrupt(self._source, full_key, e) from e
        if not dtype.hasobject:
            raise _loading.corrupt(self._source, full_key, error) from error
        if is_none:
            return _loading.NONE
        raise ValueError(
            '{!r} in {} holds a pickled Python object; it is not loaded '
            'because unpickling can run arbitrary code'.format(
                full_key, self._source))


def load_npz(file, obj, path='', strict=True):
    """Loads an object from a file in NPZ format.

    The file is opened with ``allow_pickle=False``. All entries are read and
    checked before any is assigned, so a truncated, corrupt or mismatching
    file raises and leaves the target Link unchanged.

    Args:
        file (str, path-like or file-like): The npz file.
        obj: Object to load into (a Link, Optimizer, Trainer, ...).
        path (str): Prefix of the keys to read, e.g.
            ``'updater/model:main/'`` to load a model from a snapshot.
        strict (bool): If ``False``, entries missing from the file are
            skipped.
    """
    name = file if isinstance(file, (str, os.PathLike)) else 'the npz file'
    try:
        npz = numpy.load(file, allow_pickle=False)
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        raise
    except _READ_ERRORS + (ValueError,) as e:
        raise ValueError(
            '{} is not a readable npz file: it is truncated or corrupt '
            '({}: {})'.format(name, type(e).__name__, e)) from e
    if not hasattr(npz, 'files'):
        raise ValueError('{} is a single .npy array, not an npz archive'
                         .format(name))
    with npz:
        NpzDeserializer(npz, path=path, strict=strict).load(obj)
