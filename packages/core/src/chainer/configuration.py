"""Global and thread-local configuration (``chainer.config``).

``global_config`` holds process-wide defaults (read from ``CHAINER_*``
environment variables at import); ``config`` is a thread-local view that
falls back to ``global_config`` for keys not set in the current thread.
"""
import contextlib
import os
import sys
import threading


class GlobalConfig(object):

    """The plain attribute store behind :data:`chainer.global_config`."""

    def show(self, file=None):
        """Prints all configuration keys and values, sorted by key.

        Args:
            file: Output file-like object (``sys.stdout`` by default).
        """
        keys = sorted(self.__dict__)
        _print_attrs(self, keys, file)


class LocalConfig(object):

    """Thread-local configuration that falls back to a global one.

    Args:
        global_config (GlobalConfig): The fallback for unset keys.
    """

    def __init__(self, global_config):
        super(LocalConfig, self).__setattr__('_global', global_config)
        super(LocalConfig, self).__setattr__('_local', threading.local())

    def __delattr__(self, name):
        delattr(self._local, name)

    def __getattr__(self, name):
        value = getattr(self._local, name, _MISSING)
        if value is _MISSING:
            return getattr(self._global, name)
        return value

    def __setattr__(self, name, value):
        setattr(self._local, name, value)

    def show(self, file=None):
        """Prints every key visible in this thread, sorted by key.

        Args:
            file: Output file-like object (``sys.stdout`` by default).
        """
        keys = sorted(set(self._global.__dict__) | set(self._local.__dict__))
        _print_attrs(self, keys, file)


_MISSING = object()


def _print_attrs(obj, keys, file):
    if file is None:
        file = sys.stdout  # looked up now, so redirection works
    width = max([len(k) for k in keys] or [0])
    for key in keys:
        value = getattr(obj, key)
        file.write('{}{}\n'.format(key.ljust(width + 1), value))


global_config = GlobalConfig()
config = LocalConfig(global_config)


@contextlib.contextmanager
def using_config(name, value, config=config):
    """Temporarily sets a configuration key in the current thread.

    Args:
        name (str): Configuration key.
        value: Value to use inside the ``with`` block.
        config (LocalConfig): The configuration object to change.
    """
    local = config._local
    old = getattr(local, name, _MISSING)
    setattr(local, name, value)
    try:
        yield
    finally:
        if old is _MISSING:
            delattr(local, name)
        else:
            setattr(local, name, old)


def _env_flag(name, default):
    return bool(int(os.environ.get(name, default)))


def _env_dtype(value):
    # v5 takes exactly these three names; anything else (aliases such as
    # 'half', integer types) stops the import with this TypeError.
    import numpy
    if value not in ('float16', 'float32', 'float64'):
        raise TypeError('incorrect dtype name in CHAINER_DTYPE: "{}". '
                        'Only float16/32/64 are allowed.'.format(value))
    return numpy.dtype(value)


def _set_defaults(cfg):
    env = os.environ.get
    cfg.autotune = False
    cfg.cudnn_deterministic = _env_flag('CHAINER_CUDNN_DETERMINISTIC', '0')
    cfg.cudnn_fast_batch_normalization = _env_flag(
        'CHAINER_CUDNN_FAST_BATCH_NORMALIZATION', '0')
    cfg.debug = _env_flag('CHAINER_DEBUG', '0')
    cfg.dtype = _env_dtype(env('CHAINER_DTYPE', 'float32'))
    cfg.enable_backprop = True
    cfg.in_recomputing = False
    cfg.keep_graph_on_report = _env_flag('CHAINER_KEEP_GRAPH_ON_REPORT', '0')
    cfg.lazy_grad_sum = _env_flag('CHAINER_LAZY_GRAD_SUM', '0')
    cfg.schedule_func = None
    cfg.train = True
    cfg.type_check = _env_flag('CHAINER_TYPE_CHECK', '1')
    cfg.use_cudnn = env('CHAINER_USE_CUDNN', 'auto')
    cfg.use_cudnn_tensor_core = env('CHAINER_USE_CUDNN_TENSOR_CORE', 'auto')
    cfg.use_ideep = env('CHAINER_USE_IDEEP', 'never')
    cfg.use_static_graph = True


_set_defaults(global_config)
