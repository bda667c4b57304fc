"""BlackOut loss (Ji et al., 2015), composed of functions."""
import chainer
import chainer.functions
from chainer.functions.loss import _checks
from chainer.utils import type_check


def _check_types(in_types):
    # v5 leaves these to the functions it calls; checked at once here.
    type_check.argname(in_types, ('x', 't', 'W', 'samples'))
    x_type, t_type, w_type, s_type = in_types
    type_check.expect(
        x_type.dtype.kind == 'f',
        x_type.ndim == 2,
        w_type.dtype == x_type.dtype,
        w_type.ndim == 2,
        w_type.shape[1] == x_type.shape[1],
        t_type.dtype.kind == 'i',
        t_type.ndim == 1,
        t_type.shape[0] == x_type.shape[0],
        s_type.dtype.kind == 'i',
        s_type.ndim == 2,
        s_type.shape[0] == x_type.shape[0],
    )


def black_out(x, t, W, samples, reduce='mean'):
    """BlackOut loss function.

    With the target score :math:`p_n = w_{t_n}^\\top x_n`, negative scores
    :math:`q_{nk} = w_{s_{nk}}^\\top x_n` and
    :math:`Z_n = e^{p_n} + \\sum_k e^{q_{nk}}`, the loss of row ``n`` is

    .. math:: -\\log \\frac{e^{p_n}}{Z_n}
              - \\sum_k \\log\\left(1 - \\frac{e^{q_{nk}}}{Z_n}\\right)

    Args:
        x (~chainer.Variable or ndarray): Float input ``(batch, units)``.
        t (~chainer.Variable or ndarray): Signed integer targets
            ``(batch,)``.
        W (~chainer.Variable or ndarray): Output embeddings
            ``(vocabulary, units)``.
        samples (~chainer.Variable or ndarray): Negative sample ids
            ``(batch, n_samples)``.
        reduce (str): ``'mean'`` (average over rows) or ``'no'``.

    Returns:
        ~chainer.Variable: Loss with the dtype of ``x``.

    See: `BlackOut: Speeding up Recurrent Neural Network Language Models
    With Very Large Vocabularies <https://arxiv.org/abs/1511.06909>`_
    """
    _checks.check_reduce(reduce, 'mean')
    _checks.run_type_check('black_out', (x, t, W, samples), _check_types)
    F = chainer.functions
    x = chainer.as_variable(x)
    W = chainer.as_variable(W)
    t = t.array if isinstance(t, chainer.Variable) else t
    samples = (samples.array if isinstance(samples, chainer.Variable)
               else samples)
    neg_emb = F.get_item(W, samples)
    neg_y = F.sum(neg_emb * F.broadcast_to(F.expand_dims(x, 1),
                                           neg_emb.shape), axis=2)
    pos_y = F.sum(F.get_item(W, t) * x, axis=1)
    logz = F.logsumexp(F.concat([F.expand_dims(pos_y, 1), neg_y], axis=1),
                       axis=1)
    blogz = F.broadcast_to(F.expand_dims(logz, 1), neg_y.shape)
    neg_term = F.sum(F.log(1 - F.exp(neg_y - blogz)), axis=1)
    # v5's order of operations (and its mean: F.average).
    loss = -(pos_y - logz + neg_term)
    if reduce == 'mean':
        return F.average(loss)
    return loss
