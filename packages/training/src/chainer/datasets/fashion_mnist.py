"""The Fashion-MNIST dataset of clothing images."""
import numpy

from chainer.datasets import _mnist_helper

_BASE = 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/'
_URLS = {
    'train': (_BASE + 'train-images-idx3-ubyte.gz',
              _BASE + 'train-labels-idx1-ubyte.gz'),
    'test': (_BASE + 't10k-images-idx3-ubyte.gz',
             _BASE + 't10k-labels-idx1-ubyte.gz'),
}

_LABELS = ('T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal',
           'Shirt', 'Sneaker', 'Bag', 'Ankle boot')


def get_fashion_mnist_labels():
    """Returns the names of the ten Fashion-MNIST classes, by label.

    Returns:
        list of str: A new list at each call (as in v5), so callers may
        change it freely.
    """
    return list(_LABELS)


def get_fashion_mnist(withlabel=True, ndim=1, scale=1., dtype=None,
                      label_dtype=numpy.int32, rgb_format=False):
    """Gets the Fashion-MNIST dataset.

    `Fashion-MNIST <https://github.com/zalandoresearch/fashion-mnist/>`_ is
    a set of 28x28 grey-scale images of fashion articles in ten classes
    (see :func:`get_fashion_mnist_labels`), in the format of MNIST. It is
    downloaded on first use and cached under the dataset root
    (``pfnet/chainer/fashion-mnist``).

    Args:
        withlabel (bool): If ``True``, each example is ``(image, label)``.
        ndim (int): 1, 2 or 3, as in :func:`~chainer.datasets.get_mnist`.
        scale (float): Pixel value scale.
        dtype: Data type of the images; ``chainer.config.dtype`` if
            ``None``.
        label_dtype: Data type of the labels.
        rgb_format (bool): With ``ndim == 3``, repeat the channel to get
            ``(3, 28, 28)`` images.

    Returns:
        tuple: The training and test datasets.
    """
    train = _mnist_helper.retrieve(
        'train.npz', 'pfnet/chainer/fashion-mnist', _URLS['train'])
    test = _mnist_helper.retrieve(
        'test.npz', 'pfnet/chainer/fashion-mnist', _URLS['test'])
    return tuple(
        _mnist_helper.preprocess(raw, withlabel, ndim, scale, dtype,
                                 label_dtype, rgb_format)
        for raw in (train, test))
