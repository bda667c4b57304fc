"""Discriminative margin-based clustering loss (De Brabandere, 2017)."""
import chainer
import chainer.functions
from chainer import backend


def _norm(v, axis, norm):
    F = chainer.functions
    if norm == 1:
        return F.sum(abs(v), axis=axis)
    # L2 norm whose gradient at 0 is 0 instead of 0 * inf = nan.
    xp = backend.get_array_module(v.array)
    sq = F.sum(v * v, axis=axis)
    nonzero = sq.array > 0
    safe = F.where(nonzero, sq, xp.ones_like(sq.array))
    return F.where(nonzero, F.sqrt(safe), xp.zeros_like(sq.array))


def discriminative_margin_based_clustering_loss(
        embeddings, labels, delta_v, delta_d, max_embedding_dim, norm=1,
        alpha=1.0, beta=1.0, gamma=0.001):
    """Discriminative margin-based clustering loss function.

    Pixel embeddings of one instance are pulled towards their mean (variance
    term, hinged at ``delta_v``), the means of different instances are
    pushed apart (distance term, hinged at ``2 * delta_d``), and the means
    are kept small (regularization term). Instance ``c`` (``c = 1 ..
    max_embedding_dim``) is the set of pixels whose label is ``c``; label 0
    is background.

    Args:
        embeddings (~chainer.Variable or ndarray): Float embeddings of shape
            ``(B, max_embedding_dim, H, W)``.
        labels (ndarray): Integer instance labels ``(B, H, W)``.
        delta_v (float): Distance from the mean below which a pixel is not
            penalized.
        delta_d (float): Half the distance between means beyond which they
            are not penalized.
        max_embedding_dim (int): Embedding size, also the number of
            instances considered.
        norm (int): 1 (L1) or 2 (L2) distance.
        alpha (float): Weight of the variance term.
        beta (float): Weight of the distance term.
        gamma (float): Weight of the regularization term.

    Returns:
        tuple of ~chainer.Variable: ``(variance_loss, distance_loss,
        regularization_loss)``, each multiplied by its weight.

    See: `Semantic Instance Segmentation with a Discriminative Loss
    Function <https://arxiv.org/abs/1708.02551>`_
    """
    F = chainer.functions
    if max_embedding_dim <= 0:
        raise ValueError('max_embedding_dim must be positive, got %d'
                         % max_embedding_dim)
    if norm not in (1, 2):
        raise ValueError('norm must be 1 or 2, got %r' % (norm,))
    emb = chainer.as_variable(embeddings)
    labels = labels.array if isinstance(labels, chainer.Variable) else labels
    if emb.ndim != 4 or emb.shape[1] != max_embedding_dim:
        raise ValueError(
            'embeddings must have shape (B, max_embedding_dim == %d, H, W), '
            'got %s' % (max_embedding_dim, emb.shape))
    if labels.shape != emb.shape[:1] + emb.shape[2:]:
        raise ValueError('labels must have shape %s, got %s'
                         % (emb.shape[:1] + emb.shape[2:], labels.shape))
    xp = backend.get_array_module(emb.array)
    n_batch, dim = emb.shape[:2]
    dtype = emb.dtype

    means = []
    l_var = 0
    l_reg = 0
    for c in range(dim):
        mask = (labels == c + 1)[:, None].astype(dtype)  # (B, 1, H, W)
        mask_b = xp.broadcast_to(mask, emb.shape)
        count = mask.sum(axis=(1, 2, 3))  # pixels per sample
        mean = F.sum(emb * mask_b, axis=(2, 3)) * (
            1. / xp.maximum(count, 1))[:, None].astype(dtype)  # (B, D)
        means.append(mean)
        # Pixels outside the instance have distance 0 and add nothing.
        mean_b = F.broadcast_to(mean[:, :, None, None], emb.shape)
        dist = _norm((mean_b - emb) * mask_b, 1, norm)  # (B, H, W)
        hinge = F.relu(dist - delta_v)
        l_var += F.sum(hinge * hinge) * (1. / max(float(mask.sum()), 1.))
        # v5 quirk kept: the L2 regularizer takes one norm per instance
        # over the whole batch.
        l_reg += _norm(mean, (0, 1), norm)
    l_var = l_var * (1. / dim)
    l_reg = l_reg * (1. / (dim * n_batch))

    l_dist = 0
    pairs = 0
    for a in range(dim):
        for b in range(a + 1, dim):
            dist = _norm(means[a] - means[b], 1, norm)  # (B,)
            hinge = F.relu(2 * delta_d - dist)
            l_dist += F.sum(hinge * hinge)
            pairs += 1
    l_dist = l_dist * (1. / max(pairs * n_batch, 1))
    if pairs == 0:
        l_dist = chainer.Variable(xp.zeros((), dtype))
    return alpha * l_var, beta * l_dist, gamma * l_reg
