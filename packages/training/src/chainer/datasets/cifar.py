"""The CIFAR-10 and CIFAR-100 datasets of small natural images."""
import os
import pickle
import tarfile

import numpy

import chainer
from chainer.dataset import download
from chainer.datasets import tuple_dataset

_URLS = {
    10: 'https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz',
    100: 'https://www.cs.toronto.edu/~kriz/cifar-100-python.tar.gz',
}


# The only globals a CIFAR batch needs: numpy's array reconstruction
# (and, in protocol-2 pickles written by Python 3, the bytes rebuilder).
_ALLOWED_GLOBALS = {
    ('numpy.core.multiarray', '_reconstruct'),
    ('numpy._core.multiarray', '_reconstruct'),
    ('numpy', 'ndarray'),
    ('numpy', 'dtype'),
    ('_codecs', 'encode'),
}


class _BatchUnpickler(pickle.Unpickler):

    """Reads the archive's pickled batches (dicts of lists, strings and
    numpy arrays) and refuses any other global, so a tampered archive
    cannot run code while the cache is built."""

    def find_class(self, module, name):
        if (module, name) not in _ALLOWED_GLOBALS:
            raise pickle.UnpicklingError(
                'CIFAR batch refers to %s.%s, which a CIFAR batch never '
                'does; the archive is corrupt or tampered with'
                % (module, name))
        if module == 'numpy.core.multiarray':
            # The original files name numpy 1's module; numpy 2 keeps it
            # only as a deprecated alias of numpy._core.
            try:
                from numpy._core import multiarray
                return getattr(multiarray, name)
            except ImportError:
                pass
        return super(_BatchUnpickler, self).find_class(module, name)


def _load_batch(archive, name, label_key):
    member = archive.extractfile(name)
    if member is None:
        raise ValueError('{} is missing from the CIFAR archive'.format(name))
    # The batches are pickled by Python 2; latin-1 keeps the bytes.
    batch = _BatchUnpickler(member, encoding='latin-1').load()
    data = numpy.asarray(batch['data'], dtype=numpy.uint8)
    labels = numpy.asarray(batch[label_key], dtype=numpy.uint8)
    return data.reshape(-1, 3072), labels


def _make_npz(path, n_classes):
    archive_path = download.cached_download(_URLS[n_classes])
    with tarfile.open(archive_path, 'r:gz') as archive:
        if n_classes == 10:
            train = [_load_batch(archive,
                                 'cifar-10-batches-py/data_batch_%d' % i,
                                 'labels') for i in range(1, 6)]
            test = _load_batch(archive, 'cifar-10-batches-py/test_batch',
                               'labels')
        else:
            train = [_load_batch(archive, 'cifar-100-python/train',
                                 'fine_labels')]
            test = _load_batch(archive, 'cifar-100-python/test',
                               'fine_labels')
    train_x = numpy.concatenate([x for x, _ in train])
    train_y = numpy.concatenate([y for _, y in train])
    test_x, test_y = test
    numpy.savez_compressed(path, train_x=train_x, train_y=train_y,
                           test_x=test_x, test_y=test_y)
    return {'train_x': train_x, 'train_y': train_y,
            'test_x': test_x, 'test_y': test_y}


def _retrieve_cifar(n_classes):
    root = download.get_dataset_directory('pfnet/chainer/cifar')
    path = os.path.join(root, 'cifar-%d.npz' % n_classes)
    return download.cache_or_load_file(
        path, lambda p: _make_npz(p, n_classes), numpy.load)


def _preprocess_cifar(images, labels, withlabel, ndim, scale, dtype):
    if ndim == 1:
        images = images.reshape(-1, 3072)
    elif ndim == 3:
        images = images.reshape(-1, 3, 32, 32)
    else:
        raise ValueError('invalid ndim for CIFAR dataset')
    images = images.astype(chainer.get_dtype(dtype))
    images *= scale / 255.
    if withlabel:
        return tuple_dataset.TupleDataset(images, labels.astype(numpy.int32))
    return images


def _get_cifar(n_classes, withlabel, ndim, scale, dtype):
    raw = _retrieve_cifar(n_classes)
    train = _preprocess_cifar(raw['train_x'], raw['train_y'], withlabel,
                              ndim, scale, dtype)
    test = _preprocess_cifar(raw['test_x'], raw['test_y'], withlabel, ndim,
                             scale, dtype)
    return train, test


def get_cifar10(withlabel=True, ndim=3, scale=1., dtype=None):
    """Gets the CIFAR-10 dataset.

    `CIFAR-10 <https://www.cs.toronto.edu/~kriz/cifar.html>`_ is a set of
    32x32 RGB images in 10 classes: 50000 for training and 10000 for test.
    It is downloaded on first use and cached under the dataset root
    (``pfnet/chainer/cifar``). Pixel components are scaled from ``0..255``
    to ``[0, scale]``.

    Args:
        withlabel (bool): If ``True``, each example is ``(image, label)``
            with an int32 label; otherwise the datasets are image arrays.
        ndim (int): 1 gives ``(3072,)`` images, 3 gives ``(3, 32, 32)``.
        scale (float): Pixel value scale.
        dtype: Data type of the images; ``chainer.config.dtype`` if
            ``None``.

    Returns:
        tuple: The training and test datasets.
    """
    return _get_cifar(10, withlabel, ndim, scale, dtype)


def get_cifar100(withlabel=True, ndim=3, scale=1., dtype=None):
    """Gets the CIFAR-100 dataset.

    Like :func:`get_cifar10`, with 100 classes (the fine labels).

    Args:
        withlabel (bool): If ``True``, each example is ``(image, label)``.
        ndim (int): 1 gives ``(3072,)`` images, 3 gives ``(3, 32, 32)``.
        scale (float): Pixel value scale.
        dtype: Data type of the images; ``chainer.config.dtype`` if
            ``None``.

    Returns:
        tuple: The training and test datasets.
    """
    return _get_cifar(100, withlabel, ndim, scale, dtype)
