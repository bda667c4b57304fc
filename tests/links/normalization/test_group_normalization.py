import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


@pytest.mark.parametrize('groups', [1, 2, 4])
def test_forward(groups):
    link = links.GroupNormalization(groups, 4, eps=1e-3)
    link.gamma.array[...] = numpy.random.uniform(0.5, 1.5, 4)
    link.beta.array[...] = numpy.random.uniform(-1, 1, 4)
    x = numpy.random.uniform(-1, 1, (2, 4, 3, 2)).astype('f') * 2
    g = x.reshape(2, groups, -1)
    normed = (g - g.mean(axis=2, keepdims=True)) / numpy.sqrt(
        g.var(axis=2, keepdims=True) + 1e-3)
    expected = normed.reshape(x.shape) * link.gamma.array[:, None, None] + \
        link.beta.array[:, None, None]
    testing.assert_allclose(expected, link(x).array, atol=1e-5, rtol=1e-4)


def test_defaults_and_lazy_size():
    link = links.GroupNormalization(2)
    assert link.groups == 2 and link.eps == 1e-5
    assert link.gamma.array is None
    link(numpy.zeros((1, 6, 2), 'f'))
    numpy.testing.assert_array_equal(link.gamma.array, numpy.ones(6))
    numpy.testing.assert_array_equal(link.beta.array, numpy.zeros(6))


def test_input_needs_spatial_axes():
    link = links.GroupNormalization(2, 4)
    with pytest.raises(ValueError):
        link(numpy.zeros((2, 4), 'f'))


def test_groups_must_divide_channels():
    link = links.GroupNormalization(3, 4)
    with pytest.raises(ValueError):
        link(numpy.zeros((2, 4, 2), 'f'))


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.GroupNormalization(2, 4)
    x = numpy.random.uniform(-1, 1, (2, 4, 3))
    gy = numpy.random.uniform(-1, 1, (2, 4, 3))
    gradient_check.check_backward(link, x, gy, (link.gamma, link.beta),
                                  atol=1e-5, rtol=1e-4)


def test_serialize_round_trip(save_load):
    src = links.GroupNormalization(2, 4, initial_beta=1)
    dst = links.GroupNormalization(2)
    assert sorted(save_load(src, dst)) == ['beta', 'gamma']
    numpy.testing.assert_array_equal(dst.beta.array, 1)


def test_doctests(run_doctests):
    run_doctests('chainer.links.normalization.group_normalization')
