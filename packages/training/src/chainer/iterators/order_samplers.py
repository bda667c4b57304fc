"""Order samplers: decide the order of examples of each epoch."""
import numpy


class OrderSampler(object):

    """Base class of order samplers.

    An order sampler is called by an iterator at the start of each epoch
    (and once when the iterator is created or reset) to get the order in
    which the examples of the next epoch are visited.
    """

    def __call__(self, current_order, current_position):
        """Returns the order of examples for the next epoch.

        Args:
            current_order (numpy.ndarray): The order of the epoch that just
                ended (``numpy.arange(len(dataset))`` at the start).
            current_position (int): The position in ``current_order`` where
                the iterator stopped.

        Returns:
            numpy.ndarray: A one-dimensional integer array of the same
            length as ``current_order``.
        """
        raise NotImplementedError


class ShuffleOrderSampler(OrderSampler):

    """Order sampler that returns a new random permutation at each call.

    Args:
        random_state (numpy.random.RandomState): Source of randomness. By
            default the global generator of ``numpy.random`` is used, so
            ``numpy.random.seed`` makes the orders reproducible.
    """

    def __init__(self, random_state=None):
        if random_state is None:
            # The global RandomState behind numpy.random.* functions.
            random_state = numpy.random.random.__self__
        self._random = random_state

    def __call__(self, current_order, current_position):
        return self._random.permutation(len(current_order))
