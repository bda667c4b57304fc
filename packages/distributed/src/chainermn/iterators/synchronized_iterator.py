"""An iterator whose shuffling is the same on every rank (v6 API)."""
import numpy

from chainer.dataset import iterator as iterator_module


class _SynchronizedIterator(iterator_module.Iterator):

    """Forwards everything to the actual iterator, whose order sampler
    draws from a random state seeded alike on all ranks."""

    _own = ('actual_iterator', 'communicator')

    def __init__(self, actual_iterator, communicator):
        if not hasattr(actual_iterator, 'order_sampler'):
            raise ValueError('actual_iterator must have order_sampler')
        from chainer.iterators import order_samplers
        object.__setattr__(self, 'actual_iterator', actual_iterator)
        object.__setattr__(self, 'communicator', communicator)
        seed = None
        if communicator.rank == 0:
            seed = numpy.random.randint(0, 2 ** 32 - 1)
        seed = communicator.bcast_obj(seed, root=0)
        # As in v6 the sampler always shuffles, even for an iterator made
        # with shuffle=False.
        actual_iterator.order_sampler = order_samplers.ShuffleOrderSampler(
            numpy.random.RandomState(seed))
        actual_iterator.reset()

    def __getattr__(self, name):
        if name in self._own:  # while unpickling
            raise AttributeError(name)
        return getattr(self.actual_iterator, name)

    def __setattr__(self, name, value):
        if name in self._own:
            object.__setattr__(self, name, value)
        else:
            setattr(self.actual_iterator, name, value)

    def __next__(self):
        return self.actual_iterator.__next__()

    next = __next__

    def reset(self):
        self.actual_iterator.reset()

    def serialize(self, serializer):
        self.actual_iterator.serialize(serializer)

    def finalize(self):
        self.actual_iterator.finalize()


def create_synchronized_iterator(actual_iterator, communicator):
    """Makes an iterator shuffle the same way on every rank (v6).

    Rank 0 draws a seed, every rank receives it, and ``actual_iterator``
    gets a :class:`~chainer.iterators.ShuffleOrderSampler` over
    ``numpy.random.RandomState(seed)`` and is reset. Each rank then reads
    the same batches from its own copy of the dataset, without sending
    the batches around (compare :func:`create_multi_node_iterator`).

    Args:
        actual_iterator: An iterator with an ``order_sampler`` attribute,
            e.g. :class:`~chainer.iterators.SerialIterator`.
        communicator (CommunicatorBase): ChainerMN communicator.

    Returns:
        ~chainer.dataset.Iterator: The wrapped iterator.
    """
    import chainer.utils
    chainer.utils.experimental(
        'chainermn.iterators.create_synchronized_iterator')
    return _SynchronizedIterator(actual_iterator, communicator)
