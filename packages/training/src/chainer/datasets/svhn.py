"""The SVHN dataset of house number digits (needs SciPy)."""
import os

import numpy

import chainer
from chainer.dataset import download
from chainer.datasets import tuple_dataset

_BASE = 'http://ufldl.stanford.edu/housenumbers/'
_URLS = {
    'train': _BASE + 'train_32x32.mat',
    'test': _BASE + 'test_32x32.mat',
    'extra': _BASE + 'extra_32x32.mat',
}


def _make_npz(path, url):
    from scipy import io
    raw = io.loadmat(download.cached_download(url))
    # X is (32, 32, 3, N); y is (N, 1) with 10 standing for the digit 0.
    images = raw['X'].astype(numpy.uint8)
    labels = raw['y'].astype(numpy.uint8)
    numpy.savez_compressed(path, x=images, y=labels)
    return {'x': images, 'y': labels}


def _retrieve_svhn(name, url):
    root = download.get_dataset_directory('pfnet/chainer/svhn')
    path = os.path.join(root, name)
    return download.cache_or_load_file(
        path, lambda p: _make_npz(p, url), numpy.load)


def _preprocess_svhn(raw, withlabel, scale, image_dtype, label_dtype):
    images = raw['x'].transpose(3, 2, 0, 1)
    images = images.astype(chainer.get_dtype(image_dtype))
    images *= scale / 255.
    labels = raw['y'].astype(label_dtype).ravel()
    labels[labels == 10] = 0
    if withlabel:
        return tuple_dataset.TupleDataset(images, labels)
    return images


def get_svhn(withlabel=True, scale=1., dtype=None, label_dtype=numpy.int32,
             add_extra=False):
    """Gets the SVHN dataset.

    `The Street View House Numbers (SVHN) dataset
    <http://ufldl.stanford.edu/housenumbers/>`_ holds 32x32 RGB crops of
    house number digits. It is downloaded on first use (the ``.mat``
    files, read with SciPy) and cached under the dataset root
    (``pfnet/chainer/svhn``). Images have shape ``(3, 32, 32)``, pixels are
    scaled to ``[0, scale]`` and the digit 0 has label 0.

    Args:
        withlabel (bool): If ``True``, each example is ``(image, label)``.
        scale (float): Pixel value scale.
        dtype: Data type of the images; ``chainer.config.dtype`` if
            ``None``.
        label_dtype: Data type of the labels.
        add_extra (bool): Also return the extra set.

    Returns:
        tuple: The training and test datasets (and the extra set with
        ``add_extra=True``).
    """
    try:
        import scipy.io  # NOQA
    except ImportError:
        raise RuntimeError('SciPy is not available: get_svhn needs scipy')
    names = ['train', 'test'] + (['extra'] if add_extra else [])
    return tuple(
        _preprocess_svhn(_retrieve_svhn(name + '.npz', _URLS[name]),
                         withlabel, scale, dtype, label_dtype)
        for name in names)
