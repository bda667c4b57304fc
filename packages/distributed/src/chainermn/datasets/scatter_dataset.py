"""Splitting a dataset among ranks in equal-length shards."""
import warnings

import numpy

from chainermn import _mpi
from chainermn.communicators import _communication_utility as _util


class DataSizeError(RuntimeError):

    """A message too large for MPI (kept for v5 compatibility).

    v5 exports it but never raises it: objects are broadcast in chunks.
    """


def _mpi_comm_of(comm):
    if _mpi.is_mpi_comm(comm):
        return comm
    mpi_comm = getattr(comm, 'mpi_comm', None)
    if mpi_comm is None:
        raise TypeError('expected a ChainerMN communicator or an mpi4py '
                        'communicator, got %s' % type(comm).__name__)
    return mpi_comm


def _shard(n_total, size, i):
    """``(begin, end)`` of shard ``i``: every shard has ceil(N/size)."""
    n_sub = -(-n_total // size)
    begin = n_total * i // size
    return begin, begin + n_sub


def scatter_index(n_total_samples, comm, root=0):
    """The ``(begin, end)`` interval of this rank's shard (v7 API).

    Only the numbers travel, so each rank can load its own part. Shards
    have equal length ``ceil(n_total_samples / size)`` and neighbours may
    overlap by a few samples, so every rank runs the same number of
    iterations.
    """
    mpi_comm = _mpi_comm_of(comm)
    n_total = mpi_comm.bcast(n_total_samples, root=root)
    return _shard(n_total, mpi_comm.size, mpi_comm.rank)


def scatter_dataset(dataset, comm, root=0, shuffle=False, seed=None,
                    max_buf_len=256 * 1024 * 1024):
    """Gives each rank a shard of a dataset held by ``root``.

    The dataset (and the shuffled order) is pickled and broadcast from
    ``root`` in chunks of ``max_buf_len`` bytes; each rank then wraps its
    interval in a :class:`~chainer.datasets.SubDataset`. Every shard has
    length ``ceil(len(dataset) / size)``, so neighbouring shards may share
    up to ``size - 1`` samples: this keeps the number of iterations equal
    on all ranks.

    Args:
        dataset: A picklable dataset (only ``root``'s is used).
        comm: ChainerMN communicator or mpi4py communicator.
        root (int): Rank that holds the dataset.
        shuffle (bool): Randomly permute the samples before splitting.
        seed (int): Seed of the permutation (on ``root``).
        max_buf_len (int): Bytes per broadcast chunk.

    Returns:
        ~chainer.datasets.SubDataset: This rank's shard.
    """
    from chainer.datasets import sub_dataset
    mpi_comm = _mpi_comm_of(comm)
    if mpi_comm.rank == root:
        order = None
        if shuffle:
            order = numpy.random.RandomState(seed).permutation(len(dataset))
        payload = (dataset, order)
    else:
        payload = None
    dataset, order = _util.chunked_bcast_obj(payload, mpi_comm, max_buf_len,
                                             root)
    begin, end = _shard(len(dataset), mpi_comm.size, mpi_comm.rank)
    return sub_dataset.SubDataset(dataset, begin, end, order)


def get_n_iterations_for_one_epoch(dataset, local_batch_size, comm):
    """Iterations per epoch of the whole job (deprecated in v5)."""
    warnings.warn('get_n_iterations_for_one_epoch is deprecated; '
                  'scatter_dataset gives every rank equal-length shards',
                  DeprecationWarning)
    n = None
    if comm.rank == 0:
        step = local_batch_size * comm.size
        n = (len(dataset) + step - 1) // step
    return comm.bcast_obj(n)


def get_epoch_trigger(n_epochs, dataset, local_batch_size, comm):
    """``(n_iterations, 'iteration')`` for ``n_epochs`` (deprecated)."""
    warnings.warn('get_epoch_trigger is deprecated; use (n, "epoch") '
                  'with scatter_dataset', DeprecationWarning)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        n = get_n_iterations_for_one_epoch(dataset, local_batch_size, comm)
    return n_epochs * n, 'iteration'
