"""BlackOut loss (Ji et al., 2015), composed of functions."""
import chainer
import chainer.functions
from chainer.functions.loss import _checks


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
    F = chainer.functions
    x = chainer.as_variable(x)
    W = chainer.as_variable(W)
    t = t.array if isinstance(t, chainer.Variable) else t
    samples = (samples.array if isinstance(samples, chainer.Variable)
               else samples)
    if x.ndim != 2 or W.ndim != 2 or x.shape[1] != W.shape[1]:
        raise ValueError(
            'x must be (batch, units) and W (vocabulary, units); got x.shape '
            '== %s and W.shape == %s' % (x.shape, W.shape))
    if t.shape != x.shape[:1] or samples.ndim != 2 or \
            samples.shape[0] != x.shape[0]:
        raise ValueError(
            't must be (batch,) and samples (batch, n_samples); got t.shape '
            '== %s and samples.shape == %s' % (t.shape, samples.shape))
    if t.dtype.kind != 'i' or samples.dtype.kind != 'i':
        raise ValueError('t and samples must be signed integer arrays')
    batch = x.shape[0]
    neg_emb = F.get_item(W, samples)
    neg_y = F.sum(neg_emb * F.broadcast_to(F.expand_dims(x, 1),
                                           neg_emb.shape), axis=2)
    pos_y = F.sum(F.get_item(W, t) * x, axis=1)
    logz = F.logsumexp(F.concat([F.expand_dims(pos_y, 1), neg_y], axis=1),
                       axis=1)
    blogz = F.broadcast_to(F.expand_dims(logz, 1), neg_y.shape)
    neg_term = F.sum(F.log(1 - F.exp(neg_y - blogz)), axis=1)
    loss = -(neg_term + pos_y - logz)
    if reduce == 'mean':
        return F.sum(loss) * (1. / batch)
    return loss
