"""Sigmoid cross entropy for independent binary labels."""
import chainer
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks
from chainer.utils import type_check


class SigmoidCrossEntropy(function_node.FunctionNode):

    """Cross entropy of sigmoid(x) against 0/1 labels; -1 is ignored."""

    ignore_label = -1

    def __init__(self, normalize=True, reduce='mean'):
        self.normalize = normalize
        _checks.check_reduce(reduce, 'mean')
        self.reduce = reduce
        self.count = None

    def check_type_forward(self, in_types):
        x_type, t_type = _checks.check_scores_and_labels(in_types, ('x', 't'))
        type_check.expect(x_type.shape == t_type.shape)

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, t = inputs
        xp = backend.get_array_module(x)
        # v5 does not check the label values: any other label t goes
        # through the same formula (t * x - softplus(x)).
        self.ignore_mask = t != self.ignore_label
        # Stable form of -(t log s(x) + (1 - t) log(1 - s(x))).
        loss = -(x * (t - (x >= 0)) - xp.log1p(xp.exp(-abs(x))))
        loss *= self.ignore_mask
        if self.reduce == 'mean':
            if self.normalize:
                self.count = max(1, int(self.ignore_mask.sum()))
            else:
                self.count = max(1, len(x))
            return utils.force_array(loss.sum() / self.count, x.dtype),
        return utils.force_array(loss, x.dtype),

    def backward(self, indexes, grad_outputs):
        # Built from functions: the second derivative comes from sigmoid.
        F = chainer.functions
        x, t = self.get_retained_inputs()
        gy, = grad_outputs
        dtype = x.dtype
        mask = self.ignore_mask.astype(dtype)
        target = t.array.astype(dtype) * mask
        if self.reduce == 'mean':
            gy = F.broadcast_to(gy, x.shape)
            mask *= dtype.type(1. / self.count)
        gx = (F.sigmoid(x) - target) * mask * gy
        return gx, None


def sigmoid_cross_entropy(x, t, normalize=True, reduce='mean'):
    """Computes cross entropy loss for pre-sigmoid activations.

    Each element contributes
    :math:`-t \\log \\sigma(x) - (1 - t) \\log(1 - \\sigma(x))`; elements
    whose label is ``-1`` contribute nothing.

    Args:
        x (~chainer.Variable or ndarray): Float logits of any shape
            (usually ``(N, K)``).
        t (~chainer.Variable or ndarray): Signed integer labels of the shape
            of ``x``, each 0, 1 or -1 (ignored).
        normalize (bool): With ``reduce='mean'``, divide the summed loss by
            the number of labels that are not ignored (``True``) or by the
            batch size ``len(x)`` (``False``).
        reduce (str): ``'mean'`` (scalar) or ``'no'`` (elementwise loss).

    Returns:
        ~chainer.Variable: Loss with the dtype of ``x``.

    .. admonition:: Example

        >>> x = np.array([[-2.0, 3.0, 0.5]], np.float32)
        >>> t = np.array([[0, 1, 0]], np.int32)
        >>> F.sigmoid_cross_entropy(x, t).array  # doctest: +ELLIPSIS
        array(0.3831..., dtype=float32)
    """
    return SigmoidCrossEntropy(normalize, reduce).apply((x, t))[0]
