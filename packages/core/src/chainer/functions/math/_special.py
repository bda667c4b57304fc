"""Dispatch of special functions: SciPy (or the numpy fallback) on CPU,
CUDA math functions or CuPy on GPU."""
import numpy

from chainer import backend
from chainer.backends import cuda
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers
from chainer.functions.math import _special_cpu

try:
    from scipy import special as scipy_special
except ImportError:  # SciPy is optional
    scipy_special = None

# name: (scipy.special name, CUDA expression of x, or None for cupyx)
_TABLE = {
    'erf': ('erf', 'erf(x)'),
    'erfc': ('erfc', 'erfc(x)'),
    'erfcx': ('erfcx', 'erfcx(x)'),
    'erfinv': ('erfinv', 'erfinv(x)'),
    'erfcinv': ('erfcinv', 'erfcinv(x)'),
    'ndtr': ('ndtr', 'normcdf(x)'),
    'ndtri': ('ndtri', 'normcdfinv(x)'),
    'lgamma': ('gammaln', 'lgamma(x)'),
    'log_ndtr': ('log_ndtr', None),
    'digamma': ('psi', None),
}

_LOG_NDTR_CUDA = '''
    // log(Phi(x)): the right half via log1p, the left via erfcx.
    // 1/sqrt(2) is spelled out: NVRTC has no M_SQRT1_2 (only M_PI,
    // which CuPy defines itself).
    if (x >= 0) {
        y = log1p(-0.5 * erfc(x * 0.7071067811865476));
    } else {
        double t = -x * 0.7071067811865476;
        y = log(0.5 * erfcx(t)) - t * t;
    }
'''


def compute(name, x):
    """Evaluates special function ``name`` on array ``x`` in its dtype."""
    xp = backend.get_array_module(x)
    scipy_name, cuda_expr = _TABLE[name]
    if xp is numpy:
        if scipy_special is not None:
            y = getattr(scipy_special, scipy_name)(x)
        else:
            y = getattr(_special_cpu, name)(x)
        return utils.force_array(y, x.dtype)
    if name == 'log_ndtr':
        return cuda.elementwise(
            'T x', 'T y', _LOG_NDTR_CUDA, 'chainer_log_ndtr')(x)
    if cuda_expr is None:
        import cupyx.scipy.special
        return getattr(cupyx.scipy.special, scipy_name)(x).astype(
            x.dtype, copy=False)
    return cuda.elementwise(
        'T x', 'T y', 'y = ' + cuda_expr, 'chainer_' + name)(x)


def polygamma(n, x):
    """``polygamma(n, x)`` in the dtype of ``x``."""
    xp = backend.get_array_module(x)
    if xp is numpy:
        if scipy_special is not None:
            y = scipy_special.polygamma(n, x)
        else:
            y = _special_cpu.polygamma(n, x)
        return utils.force_array(y, x.dtype)
    import cupyx.scipy.special
    return cupyx.scipy.special.polygamma(n, x).astype(x.dtype, copy=False)


class UnarySpecial(function_node.FunctionNode):

    """Base of elementwise special functions of one float input.

    Subclasses set ``_name`` (a key of the dispatch table) and
    ``_retain`` ('x' or 'y': what their backward needs).
    """

    _name = None
    _retain = 'x'

    @property
    def label(self):
        return self._name

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        if self._retain == 'x':
            self.retain_inputs((0,))
        else:
            self.retain_outputs((0,))
        return compute(self._name, x),

    def retained(self):
        if self._retain == 'x':
            return self.get_retained_inputs()[0]
        return self.get_retained_outputs()[0]
