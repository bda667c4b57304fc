# Must stay first: lets the sibling distributions add chainer.links,
# chainer.training, ... even when they are installed from other folders.
__path__ = __import__('pkgutil').extend_path(__path__, __name__)

"""Chainer v5 compatible deep learning framework (core distribution)."""

import importlib as _importlib
import sys as _sys
import warnings as _warnings

from chainer._version import __version__  # NOQA
from chainer import backend  # NOQA
from chainer import backends  # NOQA
from chainer import configuration  # NOQA
from chainer.configuration import config  # NOQA
from chainer.configuration import global_config  # NOQA
from chainer.configuration import using_config  # NOQA
from chainer import function_node  # NOQA
from chainer import variable  # NOQA
from chainer.variable import as_variable  # NOQA
from chainer.variable import Parameter  # NOQA
from chainer.variable import Variable  # NOQA
from chainer.variable import VariableNode  # NOQA
from chainer.function_node import FunctionNode  # NOQA
from chainer.function_node import grad  # NOQA
from chainer.function import Function  # NOQA
from chainer.function import FunctionAdapter  # NOQA
from chainer.function import force_backprop_mode  # NOQA
from chainer.function import no_backprop_mode  # NOQA
from chainer.function_hook import FunctionHook  # NOQA
from chainer._debug import DebugMode  # NOQA
from chainer._debug import is_debug  # NOQA
from chainer._debug import set_debug  # NOQA
from chainer._runtime_info import print_runtime_info  # NOQA
from chainer.backends import cuda  # NOQA
from chainer.functions.math import basic_math as _basic_math

_basic_math.install_variable_arithmetics()

# The v4 alias ``chainer.cuda`` still works in v5.
_sys.modules['chainer.cuda'] = cuda

# Set to True to silence chainer.utils.experimental warnings (v5 API).
disable_experimental_feature_warning = False

# Top-level names whose modules are imported on first use; keeps
# ``import chainer`` fast and free of import cycles.
_LAZY_NAMES = {
    'AbstractSerializer': 'chainer.serializer',
    'Serializer': 'chainer.serializer',
    'Deserializer': 'chainer.serializer',
    'Initializer': 'chainer.initializer',
    'Reporter': 'chainer.reporter',
    'Summary': 'chainer.reporter',
    'DictSummary': 'chainer.reporter',
    'get_current_reporter': 'chainer.reporter',
    'report': 'chainer.reporter',
    'report_scope': 'chainer.reporter',
    'Link': 'chainer.link',
    'Chain': 'chainer.link',
    'ChainList': 'chainer.link',
    'Sequential': 'chainer.sequential',
    'LinkHook': 'chainer.link_hook',
    'Optimizer': 'chainer.optimizer',
    'GradientMethod': 'chainer.optimizer',
    'UpdateRule': 'chainer.optimizer',
    'Distribution': 'chainer.distribution',
    'cross_entropy': 'chainer.distribution',
    'kl_divergence': 'chainer.distribution',
    'register_kl': 'chainer.distribution',
    'static_graph': 'chainer.graph_optimizations.static_graph',
    'static_code': 'chainer.graph_optimizations.static_graph',
}

# Subpackages provided by sibling distributions.
_SIBLINGS = {
    'links': 'chainer-links',
    'training': 'chainer-training',
    'datasets': 'chainer-training',
    'iterators': 'chainer-training',
}


def __getattr__(name):
    modname = _LAZY_NAMES.get(name)
    if modname is not None:
        try:
            module = _importlib.import_module(modname)
        except ModuleNotFoundError as e:
            if not e.name or not modname.startswith(e.name):
                raise
            raise AttributeError(
                "module 'chainer' has no attribute %r" % name) from None
        value = getattr(module, name)
        globals()[name] = value
        return value
    if name.startswith('_'):
        raise AttributeError(
            "module 'chainer' has no attribute %r" % name)
    try:
        module = _importlib.import_module('chainer.' + name)
    except ModuleNotFoundError as e:
        if e.name != 'chainer.' + name and not (
                e.name or '').startswith('chainer.' + name):
            raise
        if name in _SIBLINGS:
            raise AttributeError(
                'chainer.%s is not installed; install the %s distribution '
                '(pip install %s)' % (name, _SIBLINGS[name], _SIBLINGS[name]))
        raise AttributeError(
            "module 'chainer' has no attribute %r" % name) from None
    return module


def get_dtype(dtype=None):
    """Returns ``dtype`` as a numpy dtype, or ``chainer.config.dtype``.

    Args:
        dtype: A dtype, or ``None`` to use the default floating point type
            of the current configuration.
    """
    import numpy
    if dtype is None:
        dtype = config.dtype
    return numpy.dtype(dtype)


_warnings.filterwarnings(
    'once', 'chainer.functions.*', DeprecationWarning)
