import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


def test_with_parameter_and_bias():
    link = links.Scale(axis=1, W_shape=(3,), bias_term=True)
    numpy.testing.assert_array_equal(link.W.array, numpy.ones(3))
    link.W.array[...] = [1, 2, 3]
    link.bias.b.array[...] = [-1, 0, 1]
    x = numpy.random.uniform(-1, 1, (2, 3, 4)).astype('f')
    expected = x * numpy.array([1, 2, 3])[:, None] + numpy.array(
        [-1, 0, 1])[:, None]
    testing.assert_allclose(expected, link(x).array)


def test_without_parameter():
    link = links.Scale(axis=1, bias_term=True, bias_shape=(2,))
    assert not hasattr(link, 'W')
    link.bias.b.array[...] = [1, 2]
    x = numpy.random.uniform(-1, 1, (3, 2)).astype('f')
    y = numpy.random.uniform(-1, 1, (2,)).astype('f')
    testing.assert_allclose(x * y + numpy.array([1, 2]), link(x, y).array)


def test_no_bias():
    link = links.Scale(W_shape=(2,))
    assert not hasattr(link, 'bias')
    assert sorted(n for n, _ in link.namedparams()) == ['/W']


def test_bias_shape_required():
    with pytest.raises(ValueError):
        links.Scale(bias_term=True)


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.Scale(axis=1, W_shape=(2,), bias_term=True)
    link.W.array[...] = numpy.random.uniform(-1, 1, (2,))
    x = numpy.random.uniform(-1, 1, (3, 2, 2))
    gy = numpy.random.uniform(-1, 1, (3, 2, 2))
    gradient_check.check_backward(link, x, gy, (link.W, link.bias.b))


def test_wrong_number_of_inputs():
    with pytest.raises(TypeError, match='Scale with a parameter takes one '
                       'input, got 2'):
        links.Scale(W_shape=(2,))(numpy.zeros((1, 2), 'f'),
                                  numpy.zeros(2, 'f'))
    with pytest.raises(TypeError, match=r'two inputs \(x and the scale\), '
                       'got 3'):
        links.Scale()(*[numpy.ones((1, 2), 'f')] * 3)


def test_serialize_keys(save_load):
    src = links.Scale(W_shape=(2,), bias_term=True)
    dst = links.Scale(W_shape=(2,), bias_term=True)
    assert sorted(save_load(src, dst)) == ['W', 'bias/b']


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.scale')
