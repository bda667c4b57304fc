"""Iterator that reads examples in the main thread."""
from chainer.dataset import iterator
from chainer.iterators import _state
from chainer.iterators import order_samplers


def _resolve_sampler(shuffle, order_sampler):
    # v5: shuffle=None means True unless a custom order sampler is given.
    if shuffle is not None and order_sampler is not None:
        raise ValueError(
            '`shuffle` is not `None` and a custom `order_sampler` is set. '
            'Please set `shuffle` to `None` to use the custom order '
            'sampler.')
    if order_sampler is None and (shuffle is None or shuffle):
        order_sampler = order_samplers.ShuffleOrderSampler()
    return order_sampler


class SerialIterator(_state.StateAttributes, iterator.Iterator):

    """Dataset iterator that serially reads the examples.

    It visits the examples in the order of indexes, or in an order given
    by ``order_sampler`` (a new random permutation at each epoch when
    ``shuffle`` is true). Each batch is a list of examples. With
    ``repeat=True`` a batch that reaches the end of an epoch is completed
    with examples of the next epoch.

    Args:
        dataset: Dataset to iterate (supports ``__len__`` and
            ``__getitem__`` with ints and slices).
        batch_size (int): Number of examples within each batch.
        repeat (bool): If ``True``, it loops over the dataset forever;
            otherwise it stops after the first epoch.
        shuffle (bool): If ``True``, the order of examples is shuffled at
            the beginning of each epoch. ``None`` (default) means ``True``
            unless ``order_sampler`` is given.
        order_sampler (callable): Called as
            ``order_sampler(current_order, current_position)`` at each epoch
            to get the order of the next one (see
            :class:`~chainer.iterators.OrderSampler`).

    >>> from chainer.iterators import SerialIterator
    >>> it = SerialIterator([0, 1, 2, 3, 4], 2, shuffle=False)
    >>> next(it), next(it), next(it), it.epoch
    ([0, 1], [2, 3], [4, 0], 1)

    """

    def __init__(self, dataset, batch_size, repeat=True, shuffle=None,
                 order_sampler=None):
        self.dataset = dataset
        self.batch_size = batch_size
        self._repeat = repeat
        self._shuffle = shuffle
        self.order_sampler = _resolve_sampler(shuffle, order_sampler)
        self.reset()

    def __next__(self):
        state, segments = _state.advance(
            self._state, len(self.dataset), self.batch_size, self._repeat,
            self.order_sampler)
        if segments is None:
            raise StopIteration
        batch = []
        for segment in segments:
            if isinstance(segment, slice):
                batch.extend(self.dataset[segment])
            else:
                batch.extend(self.dataset[index] for index in segment)
        self._state = state
        return batch

    next = __next__

    def reset(self):
        """Rewinds the iterator to the beginning of the first epoch."""
        self._state = _state.initial_state(len(self.dataset),
                                           self.order_sampler)

    def serialize(self, serializer):
        """Saves or loads the position, epoch, order and previous detail."""
        self._state = _state.serialize_state(
            self._state, serializer, self.batch_size, len(self.dataset))
