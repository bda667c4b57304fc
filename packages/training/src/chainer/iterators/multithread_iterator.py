"""Iterator that loads examples in worker threads."""
from multiprocessing import pool as pool_module
import weakref

from chainer.iterators import _prefetch


class MultithreadIterator(_prefetch.PrefetchIterator):

    """Dataset iterator that loads examples in parallel worker threads.

    It yields the same batches as :class:`~chainer.iterators.SerialIterator`
    with the same arguments, while the next batch is read by a thread pool.
    It helps when reading an example releases the GIL (file I/O, image
    decoding).

    Args:
        dataset: Dataset to iterate.
        batch_size (int): Number of examples within each batch.
        repeat (bool): If ``True``, it loops over the dataset forever.
        shuffle (bool): If ``True``, the order is shuffled at each epoch;
            ``None`` means ``True`` unless ``order_sampler`` is given.
        n_threads (int): Number of worker threads.
        order_sampler (callable): Order sampler (see
            :class:`~chainer.iterators.OrderSampler`).
    """

    # v5's MultithreadIterator saves its order as ``_order`` (even None).
    _order_key = '_order'
    # v5 resets its position to 0 before asking for the next order.
    _sampler_gets_batch_start = False

    def __init__(self, dataset, batch_size, repeat=True, shuffle=None,
                 n_threads=1, order_sampler=None):
        if n_threads <= 0:
            raise ValueError('n_threads must be positive, got {}'.format(
                n_threads))
        self.n_threads = n_threads
        super(MultithreadIterator, self).__init__(
            dataset, batch_size, repeat, shuffle, 1, order_sampler)

    def _start_pool(self):
        pool = pool_module.ThreadPool(self.n_threads)
        self._pool_finalizer = weakref.finalize(self, pool.terminate)
        return pool

    def _submit(self, indices):
        dataset = self.dataset
        return self._pool.map_async(
            lambda i: dataset[i], indices.tolist())

    def _stop_pool(self, pool):
        self._pool_finalizer()
