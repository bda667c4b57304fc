"""Base of the iterators that load batches ahead with a worker pool.

The main thread runs the epoch bookkeeping of :mod:`_state` ahead of the
consumer (the *prefetch state*) and hands the indices of each future
batch to a pool; the state users see is the one after the last batch they
received. Loading a snapshot or resetting drops the batches in flight and
rewinds the prefetch state, so the sequence of batches is exactly that of a
:class:`~chainer.iterators.SerialIterator`.
"""
import collections
import warnings

from chainer.dataset import iterator
from chainer import serializer as serializer_module
from chainer.iterators import _state
from chainer.iterators import serial_iterator


class TimeoutWarning(RuntimeWarning):

    """Warned when loading one batch takes longer than the set timeout."""


class PrefetchIterator(_state.StateAttributes, iterator.Iterator):

    """Subclasses implement ``_start_pool()`` and ``_submit(indices)``.

    ``_submit`` returns an object whose ``get(timeout)`` gives the list of
    examples (an ``AsyncResult``); ``_stop_pool()`` releases the pool.
    """

    _timeout = None
    # Key of the order in snapshots (see _state.serialize_state).
    _order_key = 'order'
    # What the order sampler gets as current_position (see _state.advance).
    _sampler_gets_batch_start = True

    def __init__(self, dataset, batch_size, repeat, shuffle, n_prefetch,
                 order_sampler):
        if batch_size <= 0:
            raise ValueError('batch_size must be positive, got {}'.format(
                batch_size))
        if n_prefetch <= 0:
            raise ValueError('n_prefetch must be positive, got {}'.format(
                n_prefetch))
        self.dataset = dataset
        self.batch_size = batch_size
        self._repeat = repeat
        self._shuffle = shuffle
        self.n_prefetch = n_prefetch
        self.order_sampler = serial_iterator._resolve_sampler(
            shuffle, order_sampler)
        self._pool = None
        self._in_flight = collections.deque()
        self._finalized = False
        self.reset()

    def __next__(self):
        if self._finalized:
            raise RuntimeError('the iterator has been finalized')
        if self._pool is None:
            self._pool = self._start_pool()
        self._fill()
        if not self._in_flight:
            raise StopIteration
        state, result = self._in_flight.popleft()
        batch = self._wait(result)
        self._state = state
        self._fill()
        return batch

    next = __next__

    def _fill(self):
        while len(self._in_flight) < self.n_prefetch:
            state, segments = _state.advance(
                self._prefetch_state, len(self.dataset), self.batch_size,
                self._repeat, self.order_sampler,
                self._sampler_gets_batch_start)
            if segments is None:
                return
            self._prefetch_state = state
            indices = _state.segments_to_indices(segments)
            self._in_flight.append((state, self._submit(indices)))

    def _wait(self, result):
        if self._timeout is None:
            return result.get()
        try:
            return result.get(self._timeout)
        except Exception as e:
            if type(e).__name__ != 'TimeoutError':
                raise
        warnings.warn(
            'loading a batch of {} took more than {} seconds; the dataset '
            'may be slow or a worker may be stuck'.format(
                type(self).__name__, self._timeout), TimeoutWarning)
        return result.get()

    def _rewind(self, state):
        # Batches in flight belong to the old state: drop them.
        self._in_flight.clear()
        self._state = state
        self._prefetch_state = state

    def reset(self):
        """Rewinds the iterator to the beginning of the first epoch."""
        self._rewind(_state.initial_state(len(self.dataset),
                                          self.order_sampler))

    def serialize(self, serializer):
        """Saves or loads the position, epoch, order and previous detail."""
        state = _state.serialize_state(
            self._state, serializer, self.batch_size, len(self.dataset),
            self._order_key)
        if isinstance(serializer, serializer_module.Deserializer):
            self._rewind(state)

    def __copy__(self):
        # A copy has the same settings and position, and its own workers.
        other = object.__new__(type(self))
        other.__dict__.update(self.__dict__)
        other._pool = None
        other._in_flight = collections.deque()
        other._finalized = False
        other._rewind(self._state)
        return other

    def finalize(self):
        """Stops the workers. The iterator cannot be used afterwards."""
        self._in_flight.clear()
        pool, self._pool = self._pool, None
        self._finalized = True
        if pool is not None:
            self._stop_pool(pool)
