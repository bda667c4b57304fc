"""ChainerMN v5 compatible distributed training (chainer-distributed)."""

from chainermn._version import __version__  # NOQA
