import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer.utils import type_check


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def _gates(x, units):
    x = x.astype(numpy.float64)
    return [numpy.stack([x[:, 4 * u + k] for u in range(units)], axis=1)
            for k in range(4)]


def _ref(c1, c2, x1, x2):
    units = c1.shape[1]
    a1, i1, f1, o1 = _gates(x1, units)
    a2, i2, f2, o2 = _gates(x2, units)
    # v5's code: one cell input and input gate per child (its docstring
    # shows tanh(a1 + a2) * sigmoid(i1 + i2) instead).
    c = (numpy.tanh(a1) * _sigmoid(i1) + numpy.tanh(a2) * _sigmoid(i2) +
         _sigmoid(f1) * c1 + _sigmoid(f2) * c2)
    return c, _sigmoid(o1 + o2) * numpy.tanh(c)


@pytest.mark.parametrize('c_shape,x_shape', [
    ((3, 2), (3, 8)), ((2, 2, 3), (2, 8, 3)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_cell, c_shape, x_shape, dtype):
    rng = numpy.random.RandomState(13)

    def u(shape):
        return rng.uniform(-1, 1, shape).astype(dtype)
    inputs = (u(c_shape), u(c_shape), u(x_shape), u(x_shape))
    grads = (u(c_shape), u(c_shape))
    ggs = (u(c_shape), u(c_shape), u(x_shape), u(x_shape))
    check_cell(functions.slstm, inputs, grads, ggs, _ref(*inputs))


@pytest.mark.parametrize('use', [0, 1])
def test_one_output_used(use):
    rng = numpy.random.RandomState(14)
    inputs = tuple(rng.uniform(-1, 1, s)
                   for s in [(2, 2), (2, 2), (2, 8), (2, 8)])

    def f(*xs):
        return functions.slstm(*xs)[use]
    gradient_check.check_backward(f, inputs, rng.uniform(-1, 1, (2, 2)))


@pytest.mark.parametrize('shapes', [
    [(2, 2), (2, 2), (3, 8), (3, 8)],
    [(2, 2), (2, 3), (2, 8), (2, 8)],
    [(2, 2), (2, 2), (2, 6), (2, 8)],
])
def test_bad_shapes(shapes):
    with pytest.raises(type_check.InvalidType):
        functions.slstm(*[numpy.zeros(s, numpy.float32) for s in shapes])


def test_one_unit_by_hand():
    # One unit, so x = [a, i, f, o]; numbers worked out from v5's code.
    c1 = numpy.array([[0.5]])
    c2 = numpy.array([[-1.0]])
    x1 = numpy.array([[1.0, 0.0, 2.0, 0.5]])
    x2 = numpy.array([[-2.0, 1.0, -1.0, 0.25]])
    c, h = functions.slstm(c1, c2, x1, x2)
    s = _sigmoid
    want_c = (numpy.tanh(1.0) * 0.5 + numpy.tanh(-2.0) * s(1.0) +
              s(2.0) * 0.5 - s(-1.0))
    numpy.testing.assert_allclose(c.array, [[want_c]], rtol=1e-12)
    numpy.testing.assert_allclose(
        h.array, [[s(0.75) * numpy.tanh(want_c)]], rtol=1e-12)


def test_doctests(check_doctests):
    check_doctests('chainer.functions.activation.slstm')
