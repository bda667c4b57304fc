"""Helpers shared by the tests of the prefetching iterators."""
import numpy
import pytest

from chainer import iterators


@pytest.fixture
def seeded_sampler():
    """Returns ``make(seed)``: a ShuffleOrderSampler with its own
    RandomState, so two iterators can be given the same orders."""
    def make(seed):
        return iterators.ShuffleOrderSampler(numpy.random.RandomState(seed))
    return make


@pytest.fixture
def assert_follows_serial():
    """Returns ``check(it, serial, n, repeat)``: ``it`` and a SerialIterator
    built with the same arguments give equal batches and equal position
    attributes for ``n`` batches; a non-repeating ``it`` is then exhausted.
    """
    def check(it, serial, n, repeat):
        for _ in range(n):
            expected = serial.next()
            batch = it.next()
            assert len(batch) == len(expected)
            for a, b in zip(batch, expected):
                numpy.testing.assert_array_equal(a, b)
            assert it.epoch == serial.epoch
            assert it.is_new_epoch == serial.is_new_epoch
            assert it.current_position == serial.current_position
            assert it.epoch_detail == serial.epoch_detail
            assert it.previous_epoch_detail == serial.previous_epoch_detail
        if not repeat:
            with pytest.raises(StopIteration):
                it.next()
    return check
