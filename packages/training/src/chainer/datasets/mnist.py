"""The MNIST dataset of hand-written digits."""
import numpy

from chainer.datasets import _mnist_helper

_URLS = {
    'train': ('http://yann.lecun.com/exdb/mnist/train-images-idx3-ubyte.gz',
              'http://yann.lecun.com/exdb/mnist/train-labels-idx1-ubyte.gz'),
    'test': ('http://yann.lecun.com/exdb/mnist/t10k-images-idx3-ubyte.gz',
             'http://yann.lecun.com/exdb/mnist/t10k-labels-idx1-ubyte.gz'),
}


def get_mnist(withlabel=True, ndim=1, scale=1., dtype=None,
              label_dtype=numpy.int32, rgb_format=False):
    """Gets the MNIST dataset.

    `MNIST <http://yann.lecun.com/exdb/mnist/>`_ is a set of hand-written
    digits as 28x28 grey-scale images. The official training (60000) and
    test (10000) sets are downloaded on first use and cached under the
    dataset root (``pfnet/chainer/mnist``). Pixels are scaled from
    ``0..255`` to ``[0, scale]``.

    Args:
        withlabel (bool): If ``True``, each example is ``(image, label)``;
            otherwise the datasets are arrays of images.
        ndim (int): Shape of each image: 1 gives ``(784,)``, 2 gives
            ``(28, 28)`` and 3 gives ``(1, 28, 28)``.
        scale (float): Pixel value scale.
        dtype: Data type of the images; ``chainer.config.dtype`` (float32
            by default) if ``None``.
        label_dtype: Data type of the labels.
        rgb_format (bool): With ``ndim == 3``, repeat the channel to get
            ``(3, 28, 28)`` images.

    Returns:
        tuple: The training and test datasets (two
        :class:`~chainer.datasets.TupleDataset`, or two arrays).
    """
    train = _mnist_helper.retrieve('train.npz', 'pfnet/chainer/mnist',
                                   _URLS['train'])
    test = _mnist_helper.retrieve('test.npz', 'pfnet/chainer/mnist',
                                  _URLS['test'])
    return tuple(
        _mnist_helper.preprocess(raw, withlabel, ndim, scale, dtype,
                                 label_dtype, rgb_format)
        for raw in (train, test))
