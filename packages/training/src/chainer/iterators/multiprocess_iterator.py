"""Iterator that loads examples in worker processes."""
import multiprocessing
import os
import signal
import sys
import weakref

import numpy

from chainer.iterators import _prefetch
from chainer.iterators import order_samplers

TimeoutWarning = _prefetch.TimeoutWarning

# Set in each worker by _worker_setup; workers read examples from it.
_worker_dataset = None


def _worker_setup(dataset):
    global _worker_dataset
    # Ctrl-C is handled by the main process, which stops the pool; workers
    # that also caught it would print one traceback each.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_dataset = dataset
    # Forked workers inherit one global RandomState: reseed each, so random
    # data augmentation differs between workers.
    numpy.random.seed(int.from_bytes(os.urandom(4), 'little'))


def _worker_fetch(index):
    return _worker_dataset[index]


def _context():
    # v5 relies on fork on Linux: the dataset reaches the workers without
    # being pickled, so datasets holding lambdas or open files work.
    if sys.platform.startswith('linux'):
        return multiprocessing.get_context('fork')
    return multiprocessing.get_context()


def _stop(pool):
    pool.terminate()
    pool.join()


class MultiprocessIterator(_prefetch.PrefetchIterator):

    """Dataset iterator that loads examples in parallel worker processes.

    It yields the same batches as :class:`~chainer.iterators.SerialIterator`
    with the same arguments, but the examples of the next ``n_prefetch``
    batches are read by a :mod:`multiprocessing` pool while the current
    batch is in use. Workers are started on the first batch and stopped by
    :meth:`finalize` (also called at the end of a ``with`` block, by the
    trainer at the end of training, and when the iterator is garbage
    collected or the interpreter exits). On Linux the workers are forked,
    so the dataset is not pickled.

    Args:
        dataset: Dataset to iterate.
        batch_size (int): Number of examples within each batch.
        repeat (bool): If ``True``, it loops over the dataset forever.
        shuffle (bool): If ``True``, the order is shuffled at each epoch;
            ``None`` means ``True`` unless ``order_sampler`` is given.
        n_processes (int): Number of worker processes; the number of CPUs
            by default.
        n_prefetch (int): Number of batches loaded ahead.
        shared_mem (int): Size hint, in bytes, of one example. Examples are
            sent back through pipes here, so it only has to be ``None`` or
            a positive integer.
        order_sampler (callable): Order sampler (see
            :class:`~chainer.iterators.OrderSampler`).
        dataset_timeout (float): Seconds to wait for a batch before warning
            with :class:`TimeoutWarning` (it keeps waiting). ``None``
            disables the warning.
        maxtasksperchild (int): Number of examples a worker reads before it
            is replaced by a fresh process; ``None`` keeps workers alive.
    """

    def __init__(self, dataset, batch_size, repeat=True, shuffle=None,
                 n_processes=None, n_prefetch=1, shared_mem=None,
                 order_sampler=None, dataset_timeout=30.0,
                 maxtasksperchild=None):
        if n_processes is not None and n_processes <= 0:
            raise ValueError('n_processes must be positive, got {}'.format(
                n_processes))
        if shared_mem is not None and shared_mem <= 0:
            raise ValueError('shared_mem must be None or positive, got '
                             '{}'.format(shared_mem))
        self.n_processes = n_processes or multiprocessing.cpu_count()
        self.shared_mem = shared_mem
        self.dataset_timeout = dataset_timeout
        self._timeout = dataset_timeout
        self._maxtasksperchild = maxtasksperchild
        super(MultiprocessIterator, self).__init__(
            dataset, batch_size, repeat, shuffle, n_prefetch, order_sampler)

    def _start_pool(self):
        pool = _context().Pool(
            self.n_processes, initializer=_worker_setup,
            initargs=(self.dataset,),
            maxtasksperchild=self._maxtasksperchild)
        # Terminates the workers when the iterator is collected or at exit.
        self._pool_finalizer = weakref.finalize(self, _stop, pool)
        return pool

    def _submit(self, indices):
        chunk = -(-len(indices) // self.n_processes)
        return self._pool.map_async(_worker_fetch, indices.tolist(),
                                    chunksize=max(chunk, 1))

    def _stop_pool(self, pool):
        self._pool_finalizer()

    def __copy__(self):
        other = super(MultiprocessIterator, self).__copy__()
        # v5 builds the copy by calling the constructor, which draws an
        # initial order before the copy takes over this iterator's: from
        # the order sampler, or from numpy's global RNG when there is none
        # (the constructor then makes a shuffling sampler). The draw is
        # repeated here, so the global random stream goes on as in v5.
        sampler = self.order_sampler
        if sampler is None:
            sampler = order_samplers.ShuffleOrderSampler()
        sampler(numpy.arange(len(self.dataset)), 0)
        return other
