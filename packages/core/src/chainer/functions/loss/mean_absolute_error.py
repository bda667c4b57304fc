"""Mean absolute error between two arrays."""
import chainer.functions
from chainer import utils
from chainer.functions.loss import absolute_error


class MeanAbsoluteError(absolute_error.AbsoluteError):

    """mean(|x0 - x1|) over all elements."""

    def forward(self, inputs):
        # |x0 - x1| elementwise, keeping its sign for backward.
        a, = super(MeanAbsoluteError, self).forward(inputs)
        return utils.force_array(a.sum() / max(a.size, 1), a.dtype),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        gy = chainer.functions.broadcast_to(gy, self.sign.shape)
        gx0 = gy * (self.sign * (1. / max(self.sign.size, 1))).astype(
            gy.dtype, copy=False)
        return tuple(gx0 if i == 0 else -gx0 for i in indexes)


def mean_absolute_error(x0, x1):
    """Mean absolute error function.

    .. math:: \\frac{1}{N} \\sum_i |x_{0,i} - x_{1,i}|

    where :math:`N` is the number of elements.

    Args:
        x0 (~chainer.Variable or ndarray): Float array.
        x1 (~chainer.Variable or ndarray): Array of the shape and dtype of
            ``x0``.

    Returns:
        ~chainer.Variable: 0-dim mean absolute error (dtype of ``x0``).
    """
    return MeanAbsoluteError().apply((x0, x1))[0]
