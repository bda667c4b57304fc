"""Binary classification accuracy (not differentiable)."""
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks
from chainer.utils import type_check


class BinaryAccuracy(function_node.FunctionNode):

    """Fraction of elements with (y >= 0) == t, labels -1 ignored."""

    ignore_label = -1

    def check_type_forward(self, in_types):
        y_type, t_type = _checks.check_scores_and_labels(in_types, ('x', 't'))
        type_check.expect(t_type.shape == y_type.shape)

    def forward(self, inputs):
        y, t = inputs
        mask = t != self.ignore_label
        total = int(mask.sum())
        if total == 0:
            return utils.force_array(0., y.dtype),
        correct = int((((y >= 0) == t) & mask).sum())
        return utils.force_array(correct / total, y.dtype),

    def backward(self, indexes, grad_outputs):
        return None, None


def binary_accuracy(y, t):
    """Computes binary classification accuracy of the minibatch.

    An element is predicted positive when ``y >= 0`` (a logit).

    Args:
        y (~chainer.Variable or ndarray): Float logits of any shape.
        t (~chainer.Variable or ndarray): Signed integer labels of the shape
            of ``y``: 0, 1, or -1 (not counted).

    Returns:
        ~chainer.Variable: 0-dim accuracy with the dtype of ``y`` (0 when
        every label is ignored).

    .. admonition:: Example

        >>> y = np.array([[-1.0, 2.0], [0.5, -0.5]], np.float32)
        >>> t = np.array([[0, 1], [0, -1]], np.int32)
        >>> F.binary_accuracy(y, t).array  # doctest: +ELLIPSIS
        array(0.6666..., dtype=float32)
    """
    return BinaryAccuracy().apply((y, t))[0]
