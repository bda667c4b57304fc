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


def _shard(n_total, size, i, force_equal_length=True):
    """``(begin, end)`` of shard ``i`` of ``size``.

    With ``force_equal_length`` (v5's only layout) every shard has
    ``ceil(n_total / size)`` samples and starts at ``n_total * i // size``,
    so neighbours may overlap. Otherwise (v7's option) the shards are
    contiguous and disjoint: the first ``n_total % size`` ranks get one
    sample more than the others.
    """
    if force_equal_length:
        n_sub = -(-n_total // size)
        begin = n_total * i // size
        return begin, begin + n_sub
    base, extra = divmod(n_total, size)
    begin = base * i + min(i, extra)
    return begin, begin + base + (1 if i < extra else 0)


def scatter_index(n_total_samples, comm, root=0, *,
                  force_equal_length=True):
    """The ``(begin, end)`` interval of this rank's shard (v7 API).

    Only the numbers travel, so each rank can load its own part. With
    ``force_equal_length`` shards have equal length
    ``ceil(n_total_samples / size)`` and neighbours may overlap by a few
    samples, so every rank runs the same number of iterations; without it
    they are disjoint and may differ in length by one.
    """
    mpi_comm = _mpi_comm_of(comm)
    n_total = mpi_comm.bcast(n_total_samples, root=root)
    return _shard(n_total, mpi_comm.size, mpi_comm.rank, force_equal_length)


def scatter_dataset(dataset, comm, root=0, shuffle=False, seed=None,
                    max_buf_len=256 * 1024 * 1024, *,
                    force_equal_length=True):
    """Gives each rank a shard of a dataset.

    The dataset (and the shuffled order) is pickled and broadcast in chunks
    of ``max_buf_len`` bytes; each rank then wraps its interval in a
    :class:`~chainer.datasets.SubDataset`. Every shard has length
    ``ceil(len(dataset) / size)``, so neighbouring shards may share up to
    ``size - 1`` samples: this keeps the number of iterations equal on all
    ranks.

    As in v5 the dataset (and the permutation) comes from rank 0, whatever
    ``root`` is; only when rank 0 passes ``None`` is ``root``'s dataset
    used (v5 failed there; later versions take it from ``root``).

    Args:
        dataset: A picklable dataset (only one rank's is used).
        comm: ChainerMN communicator or mpi4py communicator.
        root (int): Rank whose dataset is used if rank 0 has none.
        shuffle (bool): Permute the samples before splitting, with
            ``numpy.random.RandomState(seed).permutation(len(dataset))``.
        seed (int): Seed of the permutation; ``None`` for a random one.
        max_buf_len (int): Bytes per broadcast chunk.
        force_equal_length (bool): ``False`` gives disjoint shards whose
            lengths may differ by one (v7 option; not for training with
            the multi-node optimizer or evaluator).

    Returns:
        ~chainer.datasets.SubDataset: This rank's shard.
    """
    from chainer.datasets import sub_dataset
    mpi_comm = _mpi_comm_of(comm)
    if not 0 <= root < mpi_comm.size:
        raise ValueError('root must be a rank of the communicator (0 to '
                         '%d), not %r' % (mpi_comm.size - 1, root))
    source = 0
    if root != 0:
        has_data = mpi_comm.bcast(
            dataset is not None if mpi_comm.rank == 0 else None, root=0)
        if not has_data:
            source = root
    if mpi_comm.rank == source:
        order = None
        if shuffle:
            order = numpy.random.RandomState(seed).permutation(len(dataset))
        payload = (dataset, order)
    else:
        payload = None
    dataset, order = _util.chunked_bcast_obj(payload, mpi_comm, max_buf_len,
                                             source)
    begin, end = _shard(len(dataset), mpi_comm.size, mpi_comm.rank,
                        force_equal_length)
    return sub_dataset.SubDataset(dataset, begin, end, order)


def get_n_iterations_for_one_epoch(dataset, local_batch_size, comm):
    """Iterations per epoch over a shard (deprecated in v5).

    ``ceil(len(dataset) / local_batch_size)`` of rank 0's ``dataset`` (a
    shard from :func:`scatter_dataset`), broadcast to every rank.
    """
    warnings.warn('get_n_iterations_for_one_epoch is deprecated. Please '
                  'use standard epoch triggers.', DeprecationWarning)
    mpi_comm = _mpi_comm_of(comm)
    n = None
    if mpi_comm.rank == 0:
        n = -(-len(dataset) // local_batch_size)
    return mpi_comm.bcast(n, root=0)


def get_epoch_trigger(n_epochs, dataset, local_batch_size, comm):
    """``(n_iterations, 'iteration')`` for ``n_epochs`` (deprecated)."""
    warnings.warn('get_epoch_trigger is deprecated. Please use standard '
                  'epoch triggers.', DeprecationWarning)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        n = get_n_iterations_for_one_epoch(dataset, local_batch_size, comm)
    return n_epochs * n, 'iteration'
