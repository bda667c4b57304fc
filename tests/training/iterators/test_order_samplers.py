import numpy

from chainer import iterators


def test_shuffle_order_sampler_with_random_state():
    sampler = iterators.ShuffleOrderSampler(numpy.random.RandomState(7))
    order = sampler(numpy.arange(10), 0)
    expected = numpy.random.RandomState(7).permutation(10)
    numpy.testing.assert_array_equal(order, expected)
    assert sorted(sampler(order, 10).tolist()) == list(range(10))


def test_shuffle_order_sampler_default_is_global():
    numpy.random.seed(5)
    order = iterators.ShuffleOrderSampler()(numpy.arange(6), 0)
    numpy.random.seed(5)
    numpy.testing.assert_array_equal(order, numpy.random.permutation(6))


def test_base_is_abstract():
    import pytest
    with pytest.raises(NotImplementedError):
        iterators.OrderSampler()(numpy.arange(3), 0)
