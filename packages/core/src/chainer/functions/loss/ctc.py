"""Connectionist temporal classification loss (Graves et al., 2006)."""
import numpy

import chainer
from chainer import backend
from chainer.backends import cuda
from chainer import function_node
from chainer import utils
from chainer.functions.loss import _checks
from chainer.utils import type_check


def _shift(a, k, fill):
    # a[:, s - k] at position s (k > 0 shifts right, k < 0 left).
    xp = backend.get_array_module(a)
    out = xp.full_like(a, fill)
    if k > 0:
        out[:, k:] = a[:, :-k]
    else:
        out[:, :k] = a[:, -k:]
    return out


class ConnectionistTemporalClassification(function_node.FunctionNode):

    """CTC loss; inputs are (input_length, label_length, t, x_1 .. x_T).

    As in v5, log(0) is replaced by a large negative number (-1e10, or
    -1e4 for float16 input) instead of -inf: a sample whose labels cannot
    be emitted in its frames gets a huge finite loss, not an error.
    """

    def __init__(self, blank_symbol, reduce='mean'):
        self.blank_symbol = blank_symbol
        _checks.check_reduce(reduce, 'mean')
        self.reduce = reduce

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() >= 4)
        in_len, lab_len, t_type, x_type = in_types[:4]
        type_check.argname(
            in_types[:4], ('input_length', 'label_length', 't', 'x[0]'))
        # v5 wants int32 lengths and labels; any signed integer is fine.
        type_check.expect(
            in_len.dtype.kind == 'i',
            in_len.ndim == 1,
            lab_len.dtype.kind == 'i',
            lab_len.ndim == 1,
            t_type.dtype.kind == 'i',
            t_type.ndim == 2,
            x_type.dtype.kind == 'f',
            x_type.ndim == 2,
            t_type.shape[0] == x_type.shape[0],
            in_len.shape[0] == x_type.shape[0],
            lab_len.shape[0] == x_type.shape[0],
        )
        for other in in_types[4:]:
            type_check.expect(
                other.dtype == x_type.dtype,
                other.shape == x_type.shape,
            )

    def forward(self, inputs):
        in_len, lab_len, t = inputs[:3]
        xs = inputs[3:]
        _validate(xs, t, self.blank_symbol, in_len, lab_len)
        xp = backend.get_array_module(t)
        x = xp.stack(xs)  # (T, B, V)
        dtype = numpy.float64 if x.dtype == numpy.float64 else numpy.float32
        x = x.astype(dtype, copy=False)
        n_time, batch, _ = x.shape
        log_y = x - x.max(axis=2, keepdims=True)
        log_y -= xp.log(xp.exp(log_y).sum(axis=2, keepdims=True))

        # Labels with blanks around and between them: (B, S), S = 2L + 1.
        n_ext = 2 * t.shape[1] + 1
        ext = xp.full((batch, n_ext), self.blank_symbol, t.dtype)
        # Padding after each label sequence may hold any value.
        used = xp.arange(t.shape[1])[None, :] < lab_len[:, None]
        ext[:, 1::2] = xp.where(used, t, self.blank_symbol)
        rows = xp.arange(batch)
        # A blank may be skipped unless the labels around it are equal.
        skip = (ext != self.blank_symbol) & (ext != _shift(ext, 2, -1))
        lp = log_y[:, rows[:, None], ext]  # (T, B, S)
        ext_len = 2 * lab_len.astype(numpy.int64) + 1
        last = in_len.astype(numpy.int64) - 1
        # v5's stand-in for log(0).
        neg = dtype(-1e4 if xs[0].dtype == numpy.float16 else -1e10)
        pos = xp.arange(n_ext)[None, :]

        alpha = xp.full((n_time, batch, n_ext), neg, dtype)
        alpha[0, :, :2] = lp[0, :, :2]
        for i in range(1, n_time):
            a = alpha[i - 1]
            a = xp.logaddexp(a, _shift(a, 1, neg))
            a = xp.logaddexp(a, xp.where(skip, _shift(alpha[i - 1], 2, neg),
                                         neg))
            alpha[i] = a + lp[i]

        # beta starts at each sequence's own last frame and final states.
        init = xp.where((pos == ext_len[:, None] - 1) |
                        (pos == ext_len[:, None] - 2), 0, neg).astype(dtype)
        skip_back = _shift(skip, -2, False)
        beta = xp.full((n_time, batch, n_ext), neg, dtype)
        b_next = xp.full((batch, n_ext), neg, dtype)
        for i in range(n_time - 1, -1, -1):
            b = xp.logaddexp(b_next, _shift(b_next, -1, neg))
            b = xp.logaddexp(b, xp.where(skip_back, _shift(b_next, -2, neg),
                                         neg))
            b = xp.where((last == i)[:, None], init,
                         xp.where((last > i)[:, None], b, neg))
            beta[i] = b + lp[i]
            b_next = beta[i]

        final = alpha[last, rows]  # (B, S)
        loglik = xp.logaddexp(
            final[rows, ext_len - 1],
            xp.where(ext_len >= 2, final[rows, xp.maximum(ext_len - 2, 0)],
                     neg))
        # Gradient w.r.t. the logits: softmax minus label occupancy.
        occ = xp.exp(alpha + beta - lp - loglik[None, :, None])
        grad = xp.exp(log_y)
        for s in range(n_ext):
            grad[:, rows, ext[:, s]] -= occ[:, :, s]
        active = xp.arange(n_time)[:, None] <= last[None, :]
        grad *= active[:, :, None]
        self.grad = grad
        loss = -loglik
        if self.reduce == 'mean':
            loss = loss.sum() / batch
        return utils.force_array(loss, inputs[3].dtype),

    def backward(self, indexes, grad_outputs):
        gy = grad_outputs[0].array
        grad = self.grad
        if self.reduce == 'mean':
            grad = grad * (gy / grad.shape[1])
        else:
            grad = grad * gy[None, :, None]
        grad = grad.astype(gy.dtype, copy=False)
        return [None if i < 3 else
                chainer.Variable(grad[i - 3], requires_grad=False)
                for i in indexes]


def _validate(xs, t, blank_symbol, in_len, lab_len):
    # Value checks (one host sync on GPU). v5 checks none of these and
    # reads wrong entries instead; an unreachable label sequence is no
    # error (see the class docstring).
    n_time = len(xs)
    n_label = xs[0].shape[1]
    if blank_symbol >= n_label:
        raise ValueError('blank_symbol %d must be less than the number of '
                         'labels %d' % (blank_symbol, n_label))
    t_cpu, in_cpu, lab_cpu = (cuda.to_cpu(a) for a in (t, in_len, lab_len))
    if (in_cpu < 1).any() or (in_cpu > n_time).any():
        raise ValueError('input_length must be in [1, len(x) == %d], got %s'
                         % (n_time, in_cpu))
    if (lab_cpu < 0).any() or (lab_cpu > t_cpu.shape[1]).any():
        raise ValueError('label_length must be in [0, t.shape[1] == %d], '
                         'got %s' % (t_cpu.shape[1], lab_cpu))
    for b in range(len(t_cpu)):
        labels = t_cpu[b, :lab_cpu[b]]
        if ((labels < 0) | (labels >= n_label) |
                (labels == blank_symbol)).any():
            raise ValueError(
                'labels of sample %d must be in [0, %d) and differ from '
                'blank_symbol %d, got %s'
                % (b, n_label, blank_symbol, labels))


def connectionist_temporal_classification(
        x, t, blank_symbol, input_length=None, label_length=None,
        reduce='mean'):
    """Connectionist Temporal Classification loss function.

    Computes :math:`-\\log p(t | x)`, summed over every alignment of the
    label sequence ``t`` to the frames of ``x`` (softmax over labels at
    each frame, blanks between labels). Sequences may have different
    lengths: ``input_length`` and ``label_length`` give the valid prefix of
    each sample; padding is ignored. As in v5, labels that cannot be
    emitted in the given frames give a huge finite loss (about 1e10), not
    an error.

    Args:
        x (list or tuple of ~chainer.Variable or ndarray): ``T`` float
            arrays of shape ``(B, V)``: the unnormalized label scores of
            each frame.
        t (~chainer.Variable or ndarray): Integer labels ``(B, L)``.
        blank_symbol (int): Index of the blank label, in ``[0, V)``.
        input_length (~chainer.Variable or ndarray): Frames of each sample
            ``(B,)``; all ``T`` if ``None``.
        label_length (~chainer.Variable or ndarray): Labels of each sample
            ``(B,)``; all ``L`` if ``None``. Zero-length labels are
            allowed (the loss of emitting only blanks).
        reduce (str): ``'mean'`` (average over the batch) or ``'no'``
            (loss of each sample, shape ``(B,)``).

    Returns:
        ~chainer.Variable: Loss with the dtype of ``x``.

    See: Graves et al., `Connectionist Temporal Classification: Labelling
    Unsegmented Sequence Data with Recurrent Neural Networks
    <https://www.cs.toronto.edu/~graves/icml_2006.pdf>`_ (ICML 2006).
    """
    if not isinstance(x, (list, tuple)):
        raise TypeError('x must be a list or tuple of Variables or arrays, '
                        'not %s' % type(x).__name__)
    if len(x) == 0:
        raise ValueError('x must not be empty')
    if not isinstance(blank_symbol, (int, numpy.integer)) or \
            blank_symbol < 0:
        raise TypeError('blank_symbol must be non-negative integer.')
    _checks.check_reduce(reduce, 'mean')
    x0 = x[0].array if isinstance(x[0], chainer.Variable) else x[0]
    xp = backend.get_array_module(x0)
    if input_length is None:
        input_length = xp.full(len(x0), len(x), numpy.int32)
    if label_length is None:
        label_length = xp.full(len(t), t.shape[1], numpy.int32)
    return ConnectionistTemporalClassification(blank_symbol, reduce).apply(
        (input_length, label_length, t) + tuple(x))[0]
