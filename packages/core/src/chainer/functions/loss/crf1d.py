"""Linear-chain CRF loss and Viterbi decoding, composed of functions."""
import chainer
import chainer.functions
from chainer import backend
from chainer.functions.loss import _checks


def _check(cost, xs, ys=None):
    if cost.ndim != 2 or cost.shape[0] != cost.shape[1]:
        raise ValueError('cost must be a square (K, K) matrix, got %s'
                         % (cost.shape,))
    if len(xs) == 0:
        raise ValueError('xs must not be empty')
    n_label = cost.shape[0]
    prev = None
    for i, x in enumerate(xs):
        if x.ndim != 2 or x.shape[1] != n_label:
            raise ValueError('xs[%d] must have shape (B, %d), got %s'
                             % (i, n_label, x.shape))
        if prev is not None and x.shape[0] > prev:
            raise ValueError(
                'batch sizes of xs must not increase (sequences sorted by '
                'decreasing length); xs[%d] has %d rows after %d'
                % (i, x.shape[0], prev))
        prev = x.shape[0]
    if ys is None:
        return
    if len(ys) != len(xs):
        raise ValueError('xs and ys must have the same length, got %d and %d'
                         % (len(xs), len(ys)))
    for i, (x, y) in enumerate(zip(xs, ys)):
        if y.shape != x.shape[:1]:
            raise ValueError('ys[%d] must have shape %s, got %s'
                             % (i, x.shape[:1], y.shape))
        if y.dtype.kind != 'i':
            raise ValueError('ys[%d] must be signed integers' % i)
        y_cpu = chainer.backends.cuda.to_cpu(y)
        if ((y_cpu < 0) | (y_cpu >= n_label)).any():
            raise ValueError('ys[%d] has labels outside [0, %d)'
                             % (i, n_label))


def _transition(alpha, cost, reduce_fn):
    # reduce over the previous label i of alpha[:, i] + cost[i, j].
    F = chainer.functions
    shape = (alpha.shape[0],) + cost.shape
    scores = (F.broadcast_to(F.expand_dims(alpha, 2), shape)
              + F.broadcast_to(F.expand_dims(cost, 0), shape))
    return scores, reduce_fn(scores)


def _run(cost, xs, reduce_fn):
    # Forward recursion; rows of sequences that end early are set aside.
    F = chainer.functions
    alpha = xs[0]
    done = []
    steps = []
    for x in xs[1:]:
        batch = x.shape[0]
        if alpha.shape[0] > batch:
            done.append(alpha[batch:])
            alpha = alpha[:batch]
        scores, best = _transition(alpha, cost, reduce_fn)
        steps.append(scores)
        alpha = best + x
    done.append(alpha)
    # Rows in original order: the longest sequences come first.
    return F.concat(done[::-1], axis=0), steps


def crf1d(cost, xs, ys, reduce='mean'):
    """Calculates negative log-likelihood of a linear-chain CRF.

    The score of a label path :math:`y` is
    :math:`\\sum_t x_t[y_t] + \\sum_{t>0} \\text{cost}[y_{t-1}, y_t]`; the
    loss is :math:`\\log Z - \\text{score}(y)` with :math:`Z` summed over
    every path.

    Args:
        cost (~chainer.Variable or ndarray): Transition scores ``(K, K)``;
            ``cost[i, j]`` scores label ``i`` followed by ``j``.
        xs (list of ~chainer.Variable or ndarray): ``T`` float arrays
            ``(B_t, K)`` of label scores at each position. Sequences are
            sorted by decreasing length, so ``B_t`` never increases
            (see :func:`~chainer.functions.transpose_sequence`).
        ys (list of ~chainer.Variable or ndarray): ``T`` signed integer
            arrays ``(B_t,)`` of the true labels.
        reduce (str): ``'mean'`` (average over the ``B_0`` sequences) or
            ``'no'`` (loss of each sequence, shape ``(B_0,)``).

    Returns:
        ~chainer.Variable: The loss.
    """
    _checks.check_reduce(reduce, 'mean')
    F = chainer.functions
    cost = chainer.as_variable(cost)
    xs = [chainer.as_variable(x) for x in xs]
    ys = [y.array if isinstance(y, chainer.Variable) else y for y in ys]
    _check(cost, xs, ys)
    xp = backend.get_array_module(cost.array)
    n_seq = xs[0].shape[0]

    alpha, _ = _run(cost, xs,
                    lambda s: F.logsumexp(s, axis=1))
    logz = F.logsumexp(alpha, axis=1)

    # Score of the true paths, padded with zeros for ended sequences.
    score = F.get_item(xs[0], (xp.arange(n_seq), ys[0]))
    for x, y, y_prev in zip(xs[1:], ys[1:], ys[:-1]):
        batch = x.shape[0]
        step = (F.get_item(x, (xp.arange(batch), y))
                + F.get_item(cost, (y_prev[:batch], y)))
        if batch < n_seq:
            step = F.concat(
                [step, xp.zeros(n_seq - batch, step.dtype)], axis=0)
        score = score + step
    loss = logz - score
    if reduce == 'mean':
        return F.sum(loss) * (1. / n_seq)
    return loss


def argmax_crf1d(cost, xs):
    """Computes the best label paths of a linear-chain CRF (Viterbi).

    Args:
        cost (~chainer.Variable or ndarray): Transition scores ``(K, K)``.
        xs (list of ~chainer.Variable or ndarray): ``T`` float arrays
            ``(B_t, K)`` with non-increasing ``B_t``, as for :func:`crf1d`.

    Returns:
        tuple: ``(score, path)``: ``score`` is a :class:`~chainer.Variable`
        of shape ``(B_0,)`` with the best path scores, ``path`` a list of
        ``T`` integer arrays of shape ``(B_t,)``, the best labels.
    """
    F = chainer.functions
    cost = chainer.as_variable(cost)
    xs = [chainer.as_variable(x) for x in xs]
    _check(cost, xs)
    xp = backend.get_array_module(cost.array)
    alpha, steps = _run(cost, xs, lambda s: F.max(s, axis=1))
    score = F.max(alpha, axis=1)
    # Backtrack. cur[b] is the label of sequence b at the current time;
    # rows of sequences that end earlier still hold their final label.
    cur = alpha.array.argmax(axis=1)
    path = [cur[:xs[-1].shape[0]].copy()]
    for t in range(len(xs) - 1, 0, -1):
        back = steps[t - 1].array.argmax(axis=1)  # (B_t, K) best previous
        batch = back.shape[0]
        cur[:batch] = back[xp.arange(batch), cur[:batch]]
        path.append(cur[:xs[t - 1].shape[0]].copy())
    path.reverse()
    return score, path
