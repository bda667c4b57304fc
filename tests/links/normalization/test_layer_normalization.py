import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


def test_forward():
    link = links.LayerNormalization(4, eps=1e-3)
    link.gamma.array[...] = numpy.random.uniform(0.5, 1.5, 4)
    link.beta.array[...] = numpy.random.uniform(-1, 1, 4)
    x = numpy.random.uniform(-1, 1, (3, 4)).astype('f') * 3
    mean = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    expected = (x - mean) / numpy.sqrt(var + 1e-3) * link.gamma.array + \
        link.beta.array
    testing.assert_allclose(expected, link(x).array, atol=1e-5, rtol=1e-4)


def test_defaults_and_lazy_size():
    link = links.LayerNormalization()
    assert link.eps == 1e-6
    assert link.gamma.array is None
    link(numpy.zeros((2, 5), 'f'))
    numpy.testing.assert_array_equal(link.gamma.array, numpy.ones(5))
    numpy.testing.assert_array_equal(link.beta.array, numpy.zeros(5))


def test_lazy_size_from_an_empty_batch():
    # v5 takes the size from x.shape[1:], so no sample is needed.
    link = links.LayerNormalization()
    y = link(numpy.zeros((0, 5), 'f'))
    assert y.shape == (0, 5)
    assert link.gamma.shape == (5,)


def test_initial_values():
    link = links.LayerNormalization(2, initial_gamma=2, initial_beta=3)
    numpy.testing.assert_array_equal(link.gamma.array, 2)
    numpy.testing.assert_array_equal(link.beta.array, 3)


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.LayerNormalization(3)
    x = numpy.random.uniform(-1, 1, (2, 3))
    gy = numpy.random.uniform(-1, 1, (2, 3))
    gradient_check.check_backward(link, x, gy, (link.gamma, link.beta),
                                  atol=1e-5, rtol=1e-4)


def test_bad_input():
    link = links.LayerNormalization(3)
    with pytest.raises(chainer.utils.type_check.InvalidType):
        link(numpy.zeros((2, 4), 'f'))


def test_serialize_into_lazy_link(save_load):
    src = links.LayerNormalization(3, initial_gamma=2)
    dst = links.LayerNormalization()
    assert sorted(save_load(src, dst)) == ['beta', 'gamma']
    numpy.testing.assert_array_equal(dst.gamma.array, 2)


def test_doctests(run_doctests):
    run_doctests('chainer.links.normalization.layer_normalization')
