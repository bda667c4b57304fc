import numpy
import pytest

from chainer import links


def test_returns_the_parameter():
    array = numpy.arange(3, dtype='f')
    link = links.Parameter(array)
    y = link()
    assert y is link.W
    numpy.testing.assert_array_equal(y.array, array)
    assert sorted(n for n, _ in link.namedparams()) == ['/W']


def test_gradient_reaches_the_parameter():
    link = links.Parameter(numpy.ones(2, 'f'))
    link.cleargrads()
    y = link() * 3
    y.grad = numpy.ones(2, 'f')
    y.backward()
    numpy.testing.assert_array_equal(link.W.grad, [3, 3])


def test_volatile_is_rejected():
    with pytest.raises(ValueError, match='volatile'):
        links.Parameter(numpy.ones(1, 'f'))(volatile='on')


def test_serialize_round_trip(save_load):
    src = links.Parameter(numpy.arange(2, dtype='f'))
    dst = links.Parameter(numpy.zeros(2, 'f'))
    assert list(save_load(src, dst)) == ['W']
    numpy.testing.assert_array_equal(dst.W.array, [0, 1])


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.parameter')
