"""Array backends: numpy (always), CuPy (``chainer.backends.cuda``), iDeep."""
from chainer.backends import cuda  # NOQA
from chainer.backends import intel64  # NOQA
