"""Negative sampling loss (word2vec), composed of functions."""
import chainer
import chainer.functions
from chainer import backend
from chainer.functions.loss import _checks
from chainer.utils import argument


def _check_inputs(x, t, W):
    if x.ndim != 2 or W.ndim != 2 or x.shape[1] != W.shape[1]:
        raise ValueError(
            'x must be (batch, units) and W (vocabulary, units); got x.shape '
            '== %s and W.shape == %s' % (x.shape, W.shape))
    if t.ndim != 1 or t.shape[0] != x.shape[0]:
        raise ValueError('t must have shape (%d,), got %s'
                         % (x.shape[0], t.shape))
    if t.dtype.kind != 'i':
        raise ValueError('t must be signed integers, got %s' % t.dtype)
    if x.dtype.kind != 'f' or x.dtype != W.dtype:
        raise ValueError('x and W must have the same float dtype, got %s '
                         'and %s' % (x.dtype, W.dtype))


def negative_sampling(x, t, W, sampler, sample_size, reduce='sum',
                      **kwargs):
    """negative_sampling(x, t, W, sampler, sample_size, reduce='sum', *, \
return_samples=False)

    Negative sampling loss function.

    For each row :math:`x_n` with target word :math:`t_n` the loss is

    .. math:: -\\log \\sigma(w_{t_n}^\\top x_n)
              - \\sum_{s \\in S_n} \\log \\sigma(-w_s^\\top x_n)

    where :math:`S_n` are ``sample_size`` words drawn by ``sampler``. Rows
    whose target is ``-1`` are ignored (zero loss and gradient).

    Args:
        x (~chainer.Variable or ndarray): Float input ``(batch, units)``.
        t (~chainer.Variable or ndarray): Signed integer targets
            ``(batch,)``.
        W (~chainer.Variable or ndarray): Output word embeddings
            ``(vocabulary, units)``.
        sampler (callable): Called with a shape ``(batch, sample_size + 1)``;
            returns integer word ids of that shape (e.g.
            :meth:`chainer.utils.WalkerAlias.sample`). Column 0 is replaced
            by the target.
        sample_size (int): Number of negative samples per row.
        reduce (str): ``'sum'`` (scalar) or ``'no'`` (loss of each row).
        return_samples (bool): Also return the ``(batch, sample_size + 1)``
            array of word ids used (targets in column 0).

    Returns:
        ~chainer.Variable or tuple: The loss, or ``(loss, samples)``.

    See: `Distributed Representations of Words and Phrases and their
    Compositionality <https://arxiv.org/abs/1310.4546>`_
    """
    return_samples, = argument.parse_kwargs(
        kwargs, ('return_samples', False))
    _checks.check_reduce(reduce, 'sum')
    F = chainer.functions
    x = chainer.as_variable(x)
    W = chainer.as_variable(W)
    t = t.array if isinstance(t, chainer.Variable) else t
    _check_inputs(x, t, W)
    xp = backend.get_array_module(x.array)
    batch = t.shape[0]
    samples = xp.asarray(sampler((batch, sample_size + 1))).astype(
        t.dtype, copy=True)
    samples[:, 0] = t
    keep = t != -1
    idx = xp.where(keep[:, None], samples, 0)
    emb = F.get_item(W, idx)  # (batch, sample_size + 1, units)
    score = F.sum(emb * F.broadcast_to(F.expand_dims(x, 1), emb.shape),
                  axis=2)
    # -log sigmoid(s) == softplus(-s) for the target, softplus(s) for the
    # negatives.
    sign = xp.ones(score.shape, x.dtype)
    sign[:, 0] = -1
    loss = F.sum(F.softplus(score * sign), axis=1) * keep.astype(x.dtype)
    if reduce == 'sum':
        loss = F.sum(loss)
    if return_samples:
        return loss, samples
    return loss
