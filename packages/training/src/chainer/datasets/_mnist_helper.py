"""Download and parsing shared by MNIST and Fashion-MNIST.

Both are distributed as gzipped IDX files: images are big-endian
``magic, count, rows, cols`` headers followed by ``uint8`` pixels, labels a
``magic, count`` header followed by ``uint8`` labels. They are cached as
an npz file with ``x`` (``(N, 784)`` uint8) and ``y`` (``(N,)`` uint8).
"""
import gzip
import os

import numpy

import chainer
from chainer.dataset import download
from chainer.datasets import tuple_dataset

_IMAGES_MAGIC = 2051
_LABELS_MAGIC = 2049


def _read_idx(path, magic, header_size):
    with gzip.open(path, 'rb') as f:
        data = f.read()
    header = numpy.frombuffer(data, '>i4', count=header_size)
    if header[0] != magic:
        raise ValueError('{} is not an IDX file of the expected kind (magic '
                         '{} instead of {})'.format(path, header[0], magic))
    return header, numpy.frombuffer(data, numpy.uint8,
                                    offset=4 * header_size)


def make_npz(path, urls):
    """Downloads images and labels, checks them and saves the npz file."""
    x_path = download.cached_download(urls[0])
    y_path = download.cached_download(urls[1])
    x_header, x = _read_idx(x_path, _IMAGES_MAGIC, 4)
    y_header, y = _read_idx(y_path, _LABELS_MAGIC, 2)
    n, rows, cols = (int(v) for v in x_header[1:])
    if n != int(y_header[1]):
        raise RuntimeError('wrong pair of MNIST images and labels')
    if x.size != n * rows * cols or y.size != n:
        raise RuntimeError('the MNIST files are truncated')
    x = x.reshape(n, rows * cols)
    numpy.savez_compressed(path, x=x, y=y)
    return {'x': x, 'y': y}


def retrieve(name, dataset_dir, urls):
    """Returns the cached npz content, downloading it on first use."""
    root = download.get_dataset_directory(dataset_dir)
    path = os.path.join(root, name)
    return download.cache_or_load_file(
        path, lambda p: make_npz(p, urls), numpy.load)


def preprocess(raw, withlabel, ndim, scale, image_dtype, label_dtype,
               rgb_format):
    """Reshapes and scales the images; pairs them with labels if asked."""
    images = raw['x']
    if ndim == 2:
        images = images.reshape(-1, 28, 28)
    elif ndim == 3:
        images = images.reshape(-1, 1, 28, 28)
        if rgb_format:
            images = numpy.broadcast_to(images, (len(images), 3, 28, 28))
    elif ndim != 1:
        raise ValueError('invalid ndim for MNIST dataset')
    images = images.astype(chainer.get_dtype(image_dtype))
    images *= scale / 255.
    if withlabel:
        labels = raw['y'].astype(label_dtype)
        return tuple_dataset.TupleDataset(images, labels)
    return images


# v5's name for preprocess, kept for code that imports the helper.
preprocess_mnist = preprocess
