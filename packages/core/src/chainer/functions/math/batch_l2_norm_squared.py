import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers
from chainer.utils import type_check


class BatchL2NormSquared(function_node.FunctionNode):

    """Squared L2 norm of each sample (all axes but the first)."""

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('x',))
        type_check.expect(in_types[0].ndim >= 2)

    def forward(self, inputs):
        x, = inputs
        self.retain_inputs((0,))
        xp = backend.get_array_module(x)
        x2 = x.reshape(x.shape[0], utils.size_of_shape(x.shape[1:]))
        # Row-wise dot products: no squared temporary is made.
        y = xp.einsum('ij,ij->i', x2, x2)
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        F = chainer.functions
        gy = F.reshape(gy, (len(gy),) + (1,) * (x.ndim - 1))
        return F.broadcast_to(gy, x.shape) * (x * 2.0),


def batch_l2_norm_squared(x):
    """L2 norm (a.k.a. Euclidean norm) squared of each sample.

    No reduction is done along the batch (first) axis; all other axes are
    flattened.

    Args:
        x (:class:`~chainer.Variable` or :ref:`ndarray`): Float input of at
            least two dimensions; the first is the minibatch dimension.

    Returns:
        ~chainer.Variable: Output variable of shape ``(x.shape[0],)``.
    """
    return BatchL2NormSquared().apply((x,))[0]
