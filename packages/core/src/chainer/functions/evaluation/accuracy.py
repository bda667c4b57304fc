"""Classification accuracy (not differentiable)."""
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks


class Accuracy(function_node.FunctionNode):

    """Fraction of samples whose arg-max class equals the label."""

    def __init__(self, ignore_label=None):
        self.ignore_label = ignore_label

    def check_type_forward(self, in_types):
        _checks.check_predicted_labels(in_types, ('x', 't'))

    def forward(self, inputs):
        y, t = inputs
        xp = backend.get_array_module(y)
        pred = y.argmax(axis=1).reshape(t.shape)
        if self.ignore_label is None:
            # v5 takes the mean in the dtype of y.
            return utils.force_array((pred == t).mean(dtype=y.dtype)),
        mask = t != self.ignore_label
        total = mask.sum()
        correct = ((pred == t) & mask).sum()
        # v5: 0.0 when every label is ignored instead of 0 / 0.
        acc = xp.where(total == 0, 0.0, correct / xp.maximum(total, 1))
        return utils.force_array(acc, y.dtype),

    def backward(self, indexes, grad_outputs):
        return None, None


def accuracy(y, t, ignore_label=None):
    """Computes multiclass classification accuracy of the minibatch.

    Args:
        y (~chainer.Variable or ndarray): Float scores of shape ``(N, C)``
            or ``(N, C, d1, ..., dk)`` (extra trailing axes of length 1 are
            allowed); the predicted class is the arg-max along axis 1.
        t (~chainer.Variable or ndarray): Signed integer labels of shape
            ``(N,)`` or ``(N, d1, ..., dk)``.
        ignore_label (int or None): Labels equal to it are not counted.
            If every label is ignored the accuracy is 0.

    Returns:
        ~chainer.Variable: 0-dim accuracy with the dtype of ``y``.

    .. admonition:: Example

        >>> y = np.array([[0.1, 0.7, 0.2], [8.0, 1.0, 2.0]], np.float32)
        >>> t = np.array([1, 2], np.int32)
        >>> F.accuracy(y, t).array
        array(0.5, dtype=float32)
    """
    return Accuracy(ignore_label=ignore_label).apply((y, t))[0]
