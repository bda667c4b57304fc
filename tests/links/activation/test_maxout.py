import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


def test_forward_matches_reference():
    link = links.Maxout(3, 2, 4, initial_bias=chainer.initializers.Uniform(1))
    assert link.linear.W.shape == (8, 3)
    x = numpy.random.uniform(-1, 1, (5, 3)).astype('f')
    z = (x @ link.linear.W.array.T + link.linear.b.array).reshape(5, 2, 4)
    testing.assert_allclose(z.max(axis=2), link(x).array, atol=1e-6)


def test_array_initializers_use_maxout_layout():
    W = numpy.random.uniform(-1, 1, (2, 3, 4)).astype('f')
    b = numpy.random.uniform(-1, 1, (2, 3)).astype('f')
    link = links.Maxout(4, 2, 3, initialW=W, initial_bias=b)
    numpy.testing.assert_array_equal(link.linear.W.array, W.reshape(6, 4))
    x = numpy.random.uniform(-1, 1, (1, 4)).astype('f')
    expected = (numpy.einsum('opi,i->op', W, x[0]) + b).max(axis=1)
    testing.assert_allclose(expected[None], link(x).array, atol=1e-6)


def test_no_bias():
    link = links.Maxout(3, 2, 2, initial_bias=None)
    assert link.linear.b is None
    numpy.testing.assert_array_equal(
        links.Maxout(3, 2, 2).linear.b.array, 0)


def test_flat_arrays_accepted_as_in_v5():
    # v5 reshapes the arrays without checking their ndim.
    W = numpy.arange(12, dtype='f').reshape(4, 3)
    b = numpy.arange(4, dtype='f')
    link = links.Maxout(3, 2, 2, initialW=W, initial_bias=b)
    numpy.testing.assert_array_equal(link.linear.W.array, W)
    numpy.testing.assert_array_equal(link.linear.b.array, b)


def test_bad_array_sizes():
    with pytest.raises(ValueError):
        links.Maxout(3, 2, 2, initialW=numpy.zeros((4, 2), 'f'))
    with pytest.raises(ValueError):
        links.Maxout(3, 2, 2, initial_bias=numpy.zeros(3, 'f'))


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.Maxout(3, 2, 3)
    x = numpy.random.uniform(-1, 1, (4, 3))
    gy = numpy.random.uniform(-1, 1, (4, 2))
    gradient_check.check_backward(link, x, gy, (link.linear.W,
                                                link.linear.b),
                                  atol=1e-6, rtol=1e-5)


def test_serialize_keys(save_load):
    src = links.Maxout(3, 2, 2)
    dst = links.Maxout(3, 2, 2)
    assert sorted(save_load(src, dst)) == ['linear/W', 'linear/b']


def test_doctests(run_doctests):
    run_doctests('chainer.links.activation.maxout')
