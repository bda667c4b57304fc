"""Negative sampling loss (word2vec), composed of functions."""
import chainer
import chainer.functions
from chainer import backend
from chainer.functions.loss import _checks
from chainer.utils import argument
from chainer.utils import type_check


def _check_types(in_types):
    # v5's NegativeSamplingFunction checks these (it wants t of int32;
    # any signed integer is accepted here).
    type_check.expect(in_types.size() == 3)
    type_check.argname(in_types, ('x', 't', 'W'))
    x_type, t_type, w_type = in_types
    type_check.expect(
        x_type.dtype.kind == 'f',
        x_type.ndim == 2,
        t_type.dtype.kind == 'i',
        t_type.ndim == 1,
        x_type.shape[0] == t_type.shape[0],
        w_type.dtype == x_type.dtype,
        w_type.ndim == 2,
        x_type.shape[1] == w_type.shape[1],
    )


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
    _checks.run_type_check('NegativeSamplingFunction', (x, t, W),
                           _check_types)
    x = chainer.as_variable(x)
    W = chainer.as_variable(W)
    t = t.array if isinstance(t, chainer.Variable) else t
    xp = backend.get_array_module(x.array)
    batch = t.shape[0]
    # The sampler's dtype is kept (v5 writes the targets into the
    # sampler's own array; a copy is changed here).
    samples = xp.array(sampler((batch, sample_size + 1)))
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
