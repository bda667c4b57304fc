"""HDF5 serialization on h5py: ``save_hdf5``/``load_hdf5`` and friends.

Layout (the v5 format): a group per child (``predictor/l1``) and a dataset
per value (``W``); ``None`` is an empty dataset (``h5py.Empty('f')``).
Strings, which h5py cannot store as numpy unicode arrays, are stored as
UTF-8 variable-length strings. h5py is imported on first use.
"""
import os

import numpy

from chainer.backends import cuda
from chainer import serializer
from chainer.serializers import _atomic
from chainer.serializers import _loading


def _h5py():
    try:
        import h5py
    except ImportError as e:
        raise ImportError(
            'h5py is not installed; the HDF5 serializers need it. Install '
            'it with: pip install h5py') from e
    return h5py


class HDF5Serializer(serializer.Serializer):

    """Serializer writing into an HDF5 group.

    Args:
        group (h5py.Group): The group to write to.
        compression (int): Gzip level (0-9) of datasets with more than one
            element.
    """

    def __init__(self, group, compression=4):
        _h5py()
        self.group = group
        self.compression = compression

    def __getitem__(self, key):
        return HDF5Serializer(self.group.require_group(key.strip('/')),
                              self.compression)

    def __call__(self, key, value):
        h5py = _h5py()
        ret = value
        key = key.lstrip('/')
        if value is None:
            self.group.create_dataset(key, data=h5py.Empty('f'))
            return ret
        array = numpy.asarray(cuda.to_cpu(value) if isinstance(
            value, cuda.ndarray) else value)
        if array.dtype.kind == 'U':
            self.group.create_dataset(
                key, data=array.astype(object),
                dtype=h5py.string_dtype('utf-8'))
            return ret
        compression = None if array.size <= 1 else self.compression
        self.group.create_dataset(key, data=array, compression=compression)
        return ret


class HDF5Deserializer(_loading.StagedDeserializer):

    """Deserializer reading from an HDF5 group.

    Entries are checked like :class:`~chainer.serializers.NpzDeserializer`
    does (missing key, shape, dtype, unreadable data).

    Args:
        group (h5py.Group): The group to read from.
        strict (bool): If ``False``, missing entries are skipped.
    """

    def __init__(self, group, strict=True):
        _h5py()
        super(HDF5Deserializer, self).__init__(strict)
        self.group = group
        self._source = 'the HDF5 file'
        name = getattr(group, 'name', None) or '/'
        # Keys in messages are paths from the file root, like npz keys.
        self._prefix = name.strip('/') + '/' if name.strip('/') else ''

    def __getitem__(self, key):
        key = key.strip('/')
        group = self.group
        # A missing child group reads as a group without entries, so the
        # error names the missing value (or strict=False skips it).
        child = group[key] if group is not None and key in group else None
        ret = self._adopt(HDF5Deserializer(child, strict=self.strict))
        ret._prefix = self._full_key(key) + '/'
        return ret

    def _full_key(self, key):
        return self._prefix + key.lstrip('/')

    def _contains(self, key):
        return self.group is not None and key.lstrip('/') in self.group

    def _fetch(self, key):
        full_key = self._full_key(key)
        h5py = _h5py()
        try:
            dataset = self.group[key.lstrip('/')]
            if not isinstance(dataset, h5py.Dataset):
                raise ValueError('it is a group, not a dataset')
            if dataset.shape is None:
                return _loading.NONE
            data = dataset[()]
        except (OSError, RuntimeError, KeyError, ValueError) as e:
            raise _loading.corrupt(self._source, full_key, e) from e
        if isinstance(data, bytes):
            data = data.decode('utf-8')
        data = numpy.asarray(data)
        if data.dtype.hasobject:  # variable-length strings
            data = numpy.asarray(data.tolist()).astype(str)
        return data


def save_hdf5(filename, obj, compression=4):
    """Saves an object to a file in HDF5 format.

    The file is written through a temporary file in the same directory that
    replaces ``filename`` only when complete.

    Args:
        filename (str or path-like): Target file name.
        obj: Object to save (a Link, Optimizer, Trainer, ...).
        compression (int): Gzip level of datasets with more than one element.
    """
    h5py = _h5py()
    with _atomic.replacing(filename) as tmp:
        with h5py.File(tmp, 'w') as f:
            HDF5Serializer(f, compression=compression).save(obj)


def load_hdf5(filename, obj):
    """Loads an object from a file in HDF5 format.

    All entries are read and checked before any is assigned, so a corrupt or
    mismatching file raises and leaves the target Link unchanged.

    Args:
        filename (str or path-like): The HDF5 file.
        obj: Object to load into (a Link, Optimizer, Trainer, ...).
    """
    h5py = _h5py()
    if not os.path.exists(filename):
        raise FileNotFoundError(
            'No such file or directory: {!r}'.format(filename))
    try:
        f = h5py.File(filename, 'r')
    except OSError as e:
        raise ValueError(
            '{} is not a readable HDF5 file: it is truncated or corrupt ({})'
            .format(filename, e)) from e
    with f:
        HDF5Deserializer(f).load(obj)
