"""Turning the batch normalizations of a model into multi-node ones."""
import copy

import numpy

import chainer
from chainermn.links import batch_normalization as _mnbn


def _convert_bn(bn, comm, communication_backend):
    mnbn = _mnbn.MultiNodeBatchNormalization(
        bn.avg_mean.shape, comm, decay=bn.decay, eps=bn.eps,
        dtype=bn.avg_mean.dtype,
        # A link without gamma may still have the attribute, set to None.
        use_gamma=getattr(bn, 'gamma', None) is not None,
        use_beta=getattr(bn, 'beta', None) is not None,
        communication_backend=communication_backend)
    if not isinstance(bn.avg_mean, numpy.ndarray):
        from chainer.backends import cuda
        mnbn.to_gpu(cuda.get_device_from_array(bn.avg_mean).id)
    mnbn.copyparams(bn)
    # The running statistics and the fine-tuning count come along.
    for name in bn._persistent:
        setattr(mnbn, name, copy.deepcopy(getattr(bn, name)))
    mnbn.name = bn.name
    return mnbn


def create_mnbn_model(link, comm, communication_backend='auto'):
    """A copy of ``link`` whose batch normalizations span all ranks (v6).

    Every :class:`~chainer.links.BatchNormalization` in ``link`` (at any
    depth of its chains, chain lists and ``Sequential`` layers) becomes a
    :class:`MultiNodeBatchNormalization` with the same size, decay, eps,
    dtype, parameters and running statistics; everything else is deep
    copied. ``link`` itself is left unchanged. Parameter names stay the
    same, so snapshots of the original model load into the copy.

    Args:
        link (~chainer.Link): The model.
        comm (CommunicatorBase): ChainerMN communicator.
        communication_backend (str): ``'mpi'``, ``'nccl'`` or ``'auto'``,
            for every new link.

    Returns:
        ~chainer.Link: The converted copy.
    """
    import chainer.links as L
    if isinstance(link, L.BatchNormalization):
        return _convert_bn(link, comm, communication_backend)
    if isinstance(link, chainer.Sequential):
        new = copy.deepcopy(link)
        new.clear()
        for layer in link:
            new.append(create_mnbn_model(layer, comm, communication_backend)
                       if isinstance(layer, chainer.Link)
                       else copy.deepcopy(layer))
        return new
    if isinstance(link, chainer.ChainList):
        children = [create_mnbn_model(child, comm, communication_backend)
                    for child in link]
        new = copy.deepcopy(link)
        for i, child in enumerate(children):
            child.name = str(i)
            new._children[i] = child
        return new
    if isinstance(link, chainer.Chain):
        children = [(name, create_mnbn_model(getattr(link, name), comm,
                                             communication_backend))
                    for name in sorted(link._children)]
        new = copy.deepcopy(link)
        for name, child in children:
            child.name = name
            new.__dict__[name] = child
        return new
    return copy.deepcopy(link)
