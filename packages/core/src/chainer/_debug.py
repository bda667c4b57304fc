"""Debug mode: extra checks (NaN detection, creation stacks)."""
from chainer import configuration


def is_debug():
    """Returns ``True`` if ``chainer.config.debug`` is on."""
    return bool(configuration.config.debug)


def set_debug(debug):
    """Turns debug mode on or off for the current thread."""
    configuration.config.debug = debug


class DebugMode(object):

    """Context manager that sets debug mode inside a ``with`` block.

    In debug mode every function records the stack where it was created
    and raises ``RuntimeError`` naming itself when its forward or backward
    produces NaN.

    Args:
        debug (bool): Debug mode used in the block.
    """

    def __init__(self, debug):
        self._using = configuration.using_config('debug', debug)

    def __enter__(self):
        self._using.__enter__()

    def __exit__(self, *args):
        self._using.__exit__(*args)
