import chainer.functions
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers
from chainer.functions.math import _special
from chainer.utils import type_check


class PolyGamma(function_node.FunctionNode):

    """``polygamma(n, x)``: the ``n``-th derivative of digamma."""

    @property
    def label(self):
        return 'polygamma'

    def check_type_forward(self, in_types):
        _helpers.argname(in_types, ('n', 'x'))
        type_check.expect(in_types.size() == 2)
        n_type, x_type = in_types
        type_check.expect(n_type.dtype.kind == 'i', x_type.dtype.kind == 'f')

    def forward(self, inputs):
        n, x = inputs
        self.retain_inputs((0, 1))
        return _special.polygamma(n, x),

    def backward(self, indexes, grad_outputs):
        n, x = self.get_retained_inputs()
        gy, = grad_outputs
        # n is an integer order: it has no gradient.
        return None, gy * chainer.functions.polygamma(
            utils.force_array(n.array + 1), x)


def polygamma(n, x):
    """Polygamma function, the ``n``-th derivative of digamma.

    .. math:: \\psi^{(n)}(x) = \\frac{d^{n+1}}{dx^{n+1}} \\log\\Gamma(x).

    .. note::
       On CPU this uses SciPy when it is installed, and otherwise an exact
       but slower pure NumPy implementation.

    Args:
        n (:class:`~chainer.Variable` or :ref:`ndarray`): Non-negative
            integer orders (broadcast against ``x``).
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.

    Returns:
        ~chainer.Variable: Output variable with the dtype of ``x``.
    """
    return PolyGamma().apply((n, x))[0]
