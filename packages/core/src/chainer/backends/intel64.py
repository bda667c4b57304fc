"""iDeep (Intel64) support (``chainer.backends.intel64``).

iDeep is optional and rarely installed; every name here works without it
and reports it as unavailable.
"""
import numpy

from chainer import configuration

try:
    import ideep4py as ideep  # NOQA
    from ideep4py import mdarray  # NOQA
    _ideep_version = 2
except ImportError:
    ideep = None
    _ideep_version = None

    class mdarray(object):  # NOQA
        """Placeholder type so ``isinstance`` checks work without iDeep."""


def is_ideep_available():
    """Returns ``True`` when iDeep (``ideep4py``) can be imported."""
    return _ideep_version is not None


def check_ideep_available():
    """Raises ``RuntimeError`` if iDeep is not available."""
    if not is_ideep_available():
        raise RuntimeError('iDeep is not available. Reason: ideep4py is not '
                           'installed.')


_SHOULD_USE_IDEEP = {
    '==always': {'always': True, 'auto': False, 'never': False},
    '>=auto': {'always': True, 'auto': True, 'never': False},
}


def should_use_ideep(level):
    """Whether iDeep should be used under ``chainer.config.use_ideep``."""
    if not is_ideep_available():
        return False
    if level not in _SHOULD_USE_IDEEP:
        raise ValueError('invalid iDeep use level: %s' % repr(level))
    use = configuration.config.use_ideep
    if use not in _SHOULD_USE_IDEEP[level]:
        raise ValueError('invalid use_ideep configuration: %s' % repr(use))
    return _SHOULD_USE_IDEEP[level][use]


def inputs_all_ready(inputs, supported_ndim=(2, 4)):
    """Whether all inputs can be handed to iDeep (never without it)."""
    if not is_ideep_available():
        return False
    return all(isinstance(x, (numpy.ndarray, mdarray)) and
               x.ndim in supported_ndim for x in inputs)


def all_ready(inputs, supported_ndim=(2, 4)):
    """Alias of :func:`inputs_all_ready`."""
    return inputs_all_ready(inputs, supported_ndim)
