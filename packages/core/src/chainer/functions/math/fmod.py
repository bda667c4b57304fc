from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers


class Fmod(function_node.FunctionNode):

    @property
    def label(self):
        return 'fmod'

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x', 'divisor'))

    def forward(self, inputs):
        x, divisor = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0, 1))
        return utils.force_array(xp.fmod(x, divisor)),

    def backward(self, indexes, grad_outputs):
        x, divisor = self.get_retained_inputs()
        gy, = grad_outputs
        xp = backend.get_array_module(x.array)
        gx = gd = None
        if 0 in indexes:
            gx = _helpers.sum_to_shape(gy, x.shape)
        if 1 in indexes:
            # fmod(x, d) = x - d * fix(x / d); fix is piecewise constant.
            q = utils.force_array(xp.fix(x.array / divisor.array), gy.dtype)
            gd = _helpers.sum_to_shape(gy * -q, divisor.shape)
        return gx, gd


def fmod(x, divisor):
    """Elementwise mod function (the remainder has the sign of ``x``).

    .. math:: y_i = x_i \\bmod \\mathrm{divisor}.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input.
        divisor (:class:`~chainer.Variable` or :ref:`ndarray`): Float
            divisor of the dtype of ``x``.

    Returns:
        ~chainer.Variable: Output variable.
    """
    return Fmod().apply((x, divisor))[0]
