"""Link hooks shipped with Chainer (``chainer.link_hooks``)."""
from chainer.link_hooks.timer import TimerHook  # NOQA
