"""Softmax cross entropy loss over the class axis (axis 1)."""
import numpy

import chainer
import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check


def _check_class_weight(class_weight, x):
    if isinstance(class_weight, chainer.Variable):
        raise ValueError(
            'class_weight should be a numpy.ndarray or cupy.ndarray, '
            'not a chainer.Variable')
    if class_weight.ndim != 1:
        raise ValueError('class_weight.ndim should be 1, but got %d'
                         % class_weight.ndim)
    if class_weight.dtype != x.dtype:
        raise ValueError(
            'the dtype of class_weight (%s) should be the dtype of x (%s)'
            % (class_weight.dtype, x.dtype))
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


def _check_labels(xp, t, n_class, ignore_label):
    # One host sync on GPU; a wrong label would otherwise silently read
    # another sample's score or go out of bounds.
    bad = (t != ignore_label) & ((t < 0) | (t >= n_class))
    if bool(bad.any()):
        value = int(t[bad].ravel()[0])
        raise ValueError(
            'Each label `t` need to satisfy `0 <= t < x.shape[1] or '
            't == %d`, but t contains %d (x.shape[1] == %d)'
            % (ignore_label, value, n_class))


def _channel_shape(ndim):
    # Shape that broadcasts a (C,) vector along axis 1 of an ndim array.
    return (1, -1) + (1,) * (ndim - 2)


def _exp_and_lse(x, xp):
    """Returns exp(x - c), 1 / its row sums and logsumexp along axis 1.

    One exp pass gives both the softmax (``e * inv_s``) and the
    log-sum-exp. ``c`` is the row maximum unless every row maximum lies in
    [-40, 40]: then exp(x) can neither overflow nor make a row sum vanish
    in float32/64, and skipping the subtraction saves a pass.
    """
    m = x.max(axis=1, keepdims=True)
    shifted = not (x.dtype != numpy.float16 and
                   -40 <= float(m.min()) and float(m.max()) <= 40)
    if shifted:
        e = x - m
        xp.exp(e, out=e)
    else:
        e = xp.exp(x)
    if x.ndim == 2 and xp is numpy:
        # A BLAS matrix-vector product sums rows faster than ndarray.sum.
        s = e.dot(numpy.ones(x.shape[1], x.dtype))[:, None]
    else:
        s = e.sum(axis=1, keepdims=True)
    lse = xp.log(s)
    if shifted:
        lse += m
    return e, 1 / s, lse[:, 0]


class SoftmaxCrossEntropy(function_node.FunctionNode):

    """Fused log-softmax and label picking (first order only, like v5)."""

    def __init__(self, normalize=True, cache_score=True, class_weight=None,
                 ignore_label=-1, reduce='mean'):
        self.normalize = normalize
        self.cache_score = cache_score
        self.class_weight = class_weight
        self.ignore_label = ignore_label
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 2)
        type_check.argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i',
            t_type.ndim == x_type.ndim - 1,
            x_type.shape[0] == t_type.shape[0],
            x_type.shape[2:] == t_type.shape[1:],
        )

    def forward(self, inputs):
        x, t = inputs
        xp = backend.get_array_module(x)
        _check_labels(xp, t, x.shape[1], self.ignore_label)
        self.retain_inputs((1,) if self.cache_score else (0, 1))
        e, inv_s, lse = _exp_and_lse(x, xp)
        if self.cache_score:
            # Unnormalized; backward folds inv_s into its own scaling pass.
            self.e, self.inv_s = e, inv_s
        mask = t != self.ignore_label
        self._mask = mask
        tc = xp.where(mask, t, 0)
        # log softmax at the labels only: x[label] - logsumexp(x).
        log_p = x[_label_index(xp, tc)] - lse
        if self.class_weight is not None:
            log_p *= self.class_weight[tc]
        log_p *= mask
        if self.reduce == 'mean':
            count = int(mask.sum()) if self.normalize else len(x)
            self._coeff = 1.0 / max(count, 1)
            loss = -log_p.sum() * self._coeff
            return utils.force_array(loss, x.dtype),
        return utils.force_array(-log_p, x.dtype),

    def backward(self, indexes, grad_outputs):
        t = self.get_retained_inputs()[-1].array
        gloss = grad_outputs[0].array
        xp = backend.get_array_module(t)
        if self.cache_score:
            e, inv_s = self.e, self.inv_s
        else:
            x = self.get_retained_inputs()[0].array
            e, inv_s, _ = _exp_and_lse(x, xp)
        mask = self._mask
        tc = xp.where(mask, t, 0)
        # Per-label scale: class weight of the true label, zero if ignored.
        scale = mask.astype(e.dtype)
        if self.class_weight is not None:
            scale *= self.class_weight[tc]
        if self.reduce == 'mean':
            scale *= gloss * e.dtype.type(self._coeff)
        else:
            scale *= gloss
        # (softmax - onehot) * scale, in one pass plus a scatter.
        gx = e * (inv_s * scale[:, None])
        # Label positions are distinct, so the fancy in-place update is safe.
        gx[_label_index(xp, tc)] -= scale
        # Built from arrays: v5 supports no double backprop on this path.
        return chainer.Variable(gx, requires_grad=False), None


def _double_backprop_softmax_cross_entropy(
        x, t, normalize, class_weight, ignore_label, reduce):
    # Composed of differentiable functions so that grad of grad works.
    F = chainer.functions
    x = chainer.as_variable(x)
    t_arr = t.array if isinstance(t, chainer.Variable) else t
    xp = backend.get_array_module(x.array)
    _type_check(SoftmaxCrossEntropy(), (x.array, t_arr))
    _check_labels(xp, t_arr, x.shape[1], ignore_label)
    mask = t_arr != ignore_label
    weight = xp.zeros(x.shape, dtype=x.dtype)
    weight[_label_index(xp, xp.where(mask, t_arr, 0))] = mask
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
        class_weight (ndarray): Optional weight of each class, shape
            ``(C,)`` and dtype of ``x``; the loss of a label ``k`` is
            multiplied by ``class_weight[k]``.
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
    if reduce not in ('mean', 'no'):
        raise ValueError(
            "only 'mean' and 'no' are valid for 'reduce', but '%s' is "
            'given' % reduce)
    if class_weight is not None:
        x_arr = x.array if isinstance(x, chainer.Variable) else x
        _check_class_weight(class_weight, x_arr)
    if enable_double_backprop:
        return _double_backprop_softmax_cross_entropy(
            x, t, normalize, class_weight, ignore_label, reduce)
    return SoftmaxCrossEntropy(
        normalize, cache_score, class_weight, ignore_label,
        reduce).apply((x, t))[0]
