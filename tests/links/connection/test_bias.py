import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


def test_with_parameter():
    link = links.Bias(axis=1, shape=(3, 2))
    numpy.testing.assert_array_equal(link.b.array, numpy.zeros((3, 2)))
    link.b.array[...] = numpy.random.uniform(-1, 1, (3, 2))
    x = numpy.random.uniform(-1, 1, (4, 3, 2, 5)).astype('f')
    expected = x + link.b.array[None, :, :, None]
    testing.assert_allclose(expected, link(x).array)


def test_without_parameter():
    link = links.Bias(axis=2)
    assert not hasattr(link, 'b')
    assert list(link.params()) == []
    x = numpy.random.uniform(-1, 1, (2, 3, 4)).astype('f')
    b = numpy.random.uniform(-1, 1, (4,)).astype('f')
    testing.assert_allclose(x + b, link(x, b).array)


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.Bias(shape=(3,))
    x = numpy.random.uniform(-1, 1, (2, 3, 2))
    gy = numpy.random.uniform(-1, 1, (2, 3, 2))
    gradient_check.check_backward(link, x, gy, link.b)


def test_wrong_number_of_inputs():
    with pytest.raises(TypeError, match='Bias with a parameter takes one '
                       'input, got 2'):
        links.Bias(shape=(2,))(numpy.zeros((1, 2), 'f'),
                               numpy.zeros(2, 'f'))
    with pytest.raises(TypeError, match=r'two inputs \(x and the bias\), '
                       'got 1'):
        links.Bias()(numpy.zeros((1, 2), 'f'))


def test_serialize_round_trip(save_load):
    src = links.Bias(shape=(2,))
    src.b.array[...] = [1, 2]
    dst = links.Bias(shape=(2,))
    assert list(save_load(src, dst)) == ['b']
    numpy.testing.assert_array_equal(dst.b.array, [1, 2])


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.bias')
