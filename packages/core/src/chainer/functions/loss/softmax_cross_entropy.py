"""Softmax cross entropy loss over the class axis (axis 1)."""
import numpy

import chainer
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks
from chainer.utils import type_check


def _check_class_weight(class_weight):
    # v5 checks only these, in this order; any float dtype is accepted
    # (it is cast to the dtype of x when applied).
    if class_weight.ndim != 1:
        raise ValueError('class_weight.ndim should be 1')
    if class_weight.dtype.kind != 'f':
        raise ValueError("The dtype of class_weight should be 'f'")
    if isinstance(class_weight, chainer.Variable):
        raise ValueError(
            'class_weight should be a numpy.ndarray or cupy.ndarray, '
            'not a chainer.Variable')


def _check_class_count(class_weight, x):
    if x.ndim >= 2 and class_weight.shape[0] != x.shape[1]:
        raise ValueError(
            'class_weight.shape %s does not match the number of classes '
            'x.shape[1] == %d' % (class_weight.shape, x.shape[1]))


def _label_index(xp, tc):
    # Index tuple picking x[n, tc[n, d...], d...] for every label position.
    idx = []
    for axis, size in enumerate(tc.shape):
        shape = [1] * tc.ndim
        shape[axis] = size
        idx.append(xp.arange(size).reshape(shape))
    return (idx[0], tc) + tuple(idx[1:])


def _type_check(node, arrays):
    with type_check.get_function_check_context(node):
        node.check_type_forward(
            type_check.get_types(arrays, 'in_types', False))


def _checked_labels(xp, t, n_class, ignore_label):
    """Returns (mask of used labels, labels with ignored ones set to 0).

    Raises if a used label is out of range: it would otherwise silently
    read another sample's score (one host sync on GPU).
    """
    mask = t != ignore_label
    tc = xp.where(mask, t, 0)
    if tc.size and (int(tc.min()) < 0 or int(tc.max()) >= n_class):
        value = int(tc[(tc < 0) | (tc >= n_class)].ravel()[0])
        raise ValueError(
            'Each label `t` need to satisfy `0 <= t < x.shape[1] or '
            't == %d`, but t contains %d (x.shape[1] == %d)'
            % (ignore_label, value, n_class))
    return mask, tc


def _channel_shape(ndim):
    # Shape that broadcasts a (C,) vector along axis 1 of an ndim array.
    return (1, -1) + (1,) * (ndim - 2)


def _row_sums(e, xp):
    if e.ndim == 2 and xp is numpy:
        # A BLAS matrix-vector product sums rows faster than ndarray.sum.
        return e.dot(numpy.ones(e.shape[1], e.dtype))[:, None]
    return e.sum(axis=1, keepdims=True)


def _exp_and_lse(x, xp):
    """Returns exp(x - c), 1 / its row sums and logsumexp along axis 1.

    One exp pass gives both the softmax (``e * inv_s``) and the
    log-sum-exp. ``c`` is 0 when that is safe: no row sum overflows or
    comes near the underflow range (then the softmax and the log-sum-exp
    are as accurate as with the shift). Otherwise ``c`` is the row maximum,
    as usual; that costs an extra pass.
    """
    if x.dtype != numpy.float16:
        if xp is numpy:
            with numpy.errstate(over='ignore', under='ignore',
                                invalid='ignore'):
                e = numpy.exp(x)
                s = _row_sums(e, xp)
        else:
            e = xp.exp(x)
            s = _row_sums(e, xp)
        info = numpy.finfo(x.dtype)
        if float(s.max()) < info.max and \
                float(s.min()) > info.tiny / info.eps:
            return e, 1 / s, xp.log(s)[:, 0]
    m = x.max(axis=1, keepdims=True)
    e = x - m
    xp.exp(e, out=e)
    s = _row_sums(e, xp)
    lse = xp.log(s)
    lse += m
    return e, 1 / s, lse[:, 0]


class SoftmaxCrossEntropy(function_node.FunctionNode):

    """Fused log-softmax and label picking (first order only, like v5)."""

    def __init__(self, normalize=True, cache_score=True, class_weight=None,
                 ignore_label=-1, reduce='mean'):
        self.normalize = normalize
        self.cache_score = cache_score
        if class_weight is not None:
            _check_class_weight(class_weight)
        self.class_weight = class_weight
        self.ignore_label = ignore_label
        _checks.check_reduce(reduce, 'mean')
        self.reduce = reduce

    def check_type_forward(self, in_types):
        _checks.check_class_labels(in_types, ('x', 't'))

    def forward(self, inputs):
        x, t = inputs
        xp = backend.get_array_module(x)
        if self.class_weight is not None:
            _check_class_count(self.class_weight, x)
        mask, tc = _checked_labels(xp, t, x.shape[1], self.ignore_label)
        # x links the gradient node to the graph (as in v5); the labels are
        # kept as arrays of the node.
        self.retain_inputs((0,))
        self._idx = _label_index(xp, tc)
        # Weight of each label: class weight, zero if ignored, and for the
        # mean the normalizer; backward multiplies it by the output grad.
        weight = mask.astype(x.dtype)
        if self.class_weight is not None:
            weight *= self.class_weight[tc]
        if self.reduce == 'mean':
            count = int(mask.sum()) if self.normalize else len(x)
            weight *= x.dtype.type(1.0 / max(count, 1))
        self._weight = weight
        if x.size == 0:
            # v5: an empty batch gives a zero loss (and zero gradient).
            self.e = self.inv_s = None
            shape = () if self.reduce == 'mean' else t.shape
            return xp.zeros(shape, x.dtype),
        e, inv_s, lse = _exp_and_lse(x, xp)
        if self.cache_score:
            # Unnormalized; backward folds inv_s into its own scaling pass.
            self.e, self.inv_s = e, inv_s
        # log softmax at the labels only: x[label] - logsumexp(x).
        log_p = x[self._idx] - lse
        log_p *= weight
        if self.reduce == 'mean':
            return utils.force_array(-log_p.sum(), x.dtype),
        return utils.force_array(-log_p, x.dtype),

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return _SoftmaxCrossEntropyGrad(self).apply(
            (x, grad_outputs[0])) + (None,)


class _SoftmaxCrossEntropyGrad(function_node.FunctionNode):

    """Gradient of :class:`SoftmaxCrossEntropy`; cannot be differentiated.

    v5 raises the same RuntimeError when a second derivative is taken
    without ``enable_double_backprop=True``.
    """

    def __init__(self, parent):
        self._parent = parent

    def forward(self, inputs):
        x, gloss = inputs
        parent = self._parent
        if x.size == 0:
            return backend.get_array_module(x).zeros_like(x),
        if parent.cache_score:
            e, inv_s = parent.e, parent.inv_s
        else:
            e, inv_s, _ = _exp_and_lse(x, backend.get_array_module(x))
        scale = parent._weight * gloss
        # (softmax - onehot) * scale, in one pass plus a scatter.
        gx = e * (inv_s * scale[:, None])
        # Label positions are distinct, so the fancy in-place update is safe.
        gx[parent._idx] -= scale
        return gx,

    def backward(self, indexes, grad_outputs):
        raise RuntimeError(
            'F.softmax_cross_entropy was called with '
            "'enable_double_backprop=False' argument, but double-backprop "
            "is actually being performed. Please specify "
            "'enable_double_backprop=True' explicitly.")


def _double_backprop_softmax_cross_entropy(
        x, t, normalize, class_weight, ignore_label, reduce):
    # Composed of differentiable functions so that grad of grad works.
    F = chainer.functions
    x = chainer.as_variable(x)
    t_arr = t.array if isinstance(t, chainer.Variable) else t
    xp = backend.get_array_module(x.array)
    # The node checks class_weight and reduce, then the input types.
    node = SoftmaxCrossEntropy(normalize, False, class_weight,
                               ignore_label, reduce)
    _type_check(node, (x.array, t_arr))
    if class_weight is not None:
        _check_class_count(class_weight, x.array)
    mask, tc = _checked_labels(xp, t_arr, x.shape[1], ignore_label)
    weight = xp.zeros(x.shape, dtype=x.dtype)
    weight[_label_index(xp, tc)] = mask
    if class_weight is not None:
        weight *= class_weight.reshape(_channel_shape(x.ndim))
    loss = -F.sum(F.log_softmax(x) * weight, axis=1)
    if reduce == 'mean':
        count = int(mask.sum()) if normalize else len(t_arr)
        loss = F.sum(loss) * (1.0 / max(count, 1))
    return loss


def softmax_cross_entropy(
        x, t, normalize=True, cache_score=True, class_weight=None,
        ignore_label=-1, reduce='mean', enable_double_backprop=False):
    """Computes cross entropy loss for pre-softmax activations.

    Args:
        x (~chainer.Variable or ndarray): Float array of unnormalized log
            probabilities, shape ``(N, C)`` or ``(N, C, d1, ..., dk)``;
            axis 1 is the class axis.
        t (~chainer.Variable or ndarray): Signed integer labels of shape
            ``(N,)`` or ``(N, d1, ..., dk)``. Each label is in ``[0, C)`` or
            equal to ``ignore_label``.
        normalize (bool): With ``reduce='mean'``, divide the summed loss by
            the number of labels that are not ignored (``True``) or by the
            batch size ``N`` (``False``).
        cache_score (bool): Keep the softmax from the forward pass for
            backward (faster, uses more memory). Ignored with
            ``enable_double_backprop=True``.
        class_weight (ndarray): Optional float weight of each class, shape
            ``(C,)``; the loss of a label ``k`` is multiplied by
            ``class_weight[k]`` (cast to the dtype of ``x``).
        ignore_label (int): Label value that contributes neither loss nor
            gradient.
        reduce (str): ``'mean'`` gives a scalar, ``'no'`` the loss of each
            label (shape of ``t``, zero where ignored).
        enable_double_backprop (bool): Build the loss from differentiable
            functions so that it can be differentiated twice (slower).

    Returns:
        ~chainer.Variable: Loss of the dtype of ``x``.

    .. admonition:: Example

        >>> x = np.array([[-1, 0, 1, 2], [2, 0, 1, -1]], np.float32)
        >>> t = np.array([3, 0], np.int32)
        >>> float(F.softmax_cross_entropy(x, t).array)  # doctest: +ELLIPSIS
        0.4401...
    """
    if enable_double_backprop:
        return _double_backprop_softmax_cross_entropy(
            x, t, normalize, class_weight, ignore_label, reduce)
    return SoftmaxCrossEntropy(
        normalize, cache_score, class_weight, ignore_label,
        reduce).apply((x, t))[0]
