import numpy
import pytest

import chainer
import chainer.functions as F
import chainermn.functions

pytestmark = pytest.mark.filterwarnings('ignore::FutureWarning')


def test_identity_and_zero_delegate_grad():
    delegate = chainer.Variable(numpy.ones(4, 'f'))
    a = chainer.Variable(numpy.array([1., 2.], 'f'))
    b = chainer.Variable(numpy.array([3.], 'd'))
    ya, yb = chainermn.functions.pseudo_connect(delegate, a, b)
    numpy.testing.assert_array_equal(ya.array, a.array)
    assert yb.dtype == numpy.float64
    (F.sum(ya * 3) + F.cast(F.sum(yb), numpy.float32)).backward()
    numpy.testing.assert_array_equal(a.grad, [3., 3.])
    numpy.testing.assert_array_equal(b.grad, [1.])
    numpy.testing.assert_array_equal(delegate.grad, numpy.zeros(4))


def test_single_variable_is_not_a_tuple():
    y = chainermn.functions.pseudo_connect(
        chainer.Variable(numpy.zeros(0, 'f')),
        chainer.Variable(numpy.ones(2, 'f')))
    assert isinstance(y, chainer.Variable)
