import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def _ref(c_prev, x):
    # v5 layout: x[:, 4 * u + k] is gate k (a, i, f, o) of unit u.
    c_prev = c_prev.astype(numpy.float64)
    x = x.astype(numpy.float64)
    batch, units = len(x), c_prev.shape[1]
    a = numpy.empty((batch, units) + x.shape[2:])
    i, f, o = a.copy(), a.copy(), a.copy()
    for u in range(units):
        a[:, u] = x[:, 4 * u]
        i[:, u] = x[:, 4 * u + 1]
        f[:, u] = x[:, 4 * u + 2]
        o[:, u] = x[:, 4 * u + 3]
    c = numpy.tanh(a) * _sigmoid(i) + _sigmoid(f) * c_prev[:batch]
    h = _sigmoid(o) * numpy.tanh(c)
    return numpy.concatenate((c, c_prev[batch:])), h


@pytest.mark.parametrize('c_shape,x_shape', [
    ((3, 2), (3, 8)),
    ((3, 2, 2), (3, 8, 2)),
    ((4, 2), (2, 8)),
    ((3, 2), (0, 8)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_cell, c_shape, x_shape, dtype):
    rng = numpy.random.RandomState(11)
    c = rng.uniform(-1, 1, c_shape).astype(dtype)
    x = rng.uniform(-1, 1, x_shape).astype(dtype)
    h_shape = (x_shape[0],) + c_shape[1:]
    gc = rng.uniform(-1, 1, c_shape).astype(dtype)
    gh = rng.uniform(-1, 1, h_shape).astype(dtype)
    ggc = rng.uniform(-1, 1, c_shape).astype(dtype)
    ggx = rng.uniform(-1, 1, x_shape).astype(dtype)
    check_cell(functions.lstm, (c, x), (gc, gh), (ggc, ggx), _ref(c, x))


@pytest.mark.parametrize('use', ['c', 'h'])
def test_one_output_used(use):
    rng = numpy.random.RandomState(12)
    c = rng.uniform(-1, 1, (3, 2))
    x = rng.uniform(-1, 1, (3, 8))
    g = rng.uniform(-1, 1, (3, 2))

    def f(c, x):
        c_new, h = functions.lstm(c, x)
        return c_new if use == 'c' else h
    gradient_check.check_backward(f, (c, x), g)


def test_layout_is_interleaved():
    # Only the forget-gate sources (index 2 of each unit) are large: the
    # new cell state then equals c_prev.
    x = numpy.zeros((1, 8), numpy.float64)
    x[0, 2::4] = 50
    x[0, 0::4] = 0  # tanh(a) = 0: no new input
    c = numpy.array([[0.3, -0.7]])
    c_new, _ = functions.lstm(c, x)
    testing.assert_allclose(c_new.array, c)


def test_batch_larger_than_c_prev():
    with pytest.raises(type_check.InvalidType):
        functions.lstm(numpy.zeros((2, 2), 'f'), numpy.zeros((3, 8), 'f'))


def test_bad_unit_count():
    with pytest.raises(type_check.InvalidType):
        functions.lstm(numpy.zeros((2, 2), 'f'), numpy.zeros((2, 6), 'f'))


def test_dtype_mismatch():
    with pytest.raises(type_check.InvalidType):
        functions.lstm(numpy.zeros((2, 2), 'f'), numpy.zeros((2, 8), 'd'))


def test_returns_variables():
    c, h = functions.lstm(chainer.Variable(numpy.zeros((1, 1), 'f')),
                          numpy.zeros((1, 4), 'f'))
    assert isinstance(c, chainer.Variable) and isinstance(h, chainer.Variable)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (3, 2)).astype(numpy.float32),
              rng.uniform(-1, 1, (2, 8)).astype(numpy.float32)]

    def f(*xs):
        return functions.lstm(*xs)
    gpu_matches_cpu(f, inputs, rng)


def test_doctests(check_doctests):
    check_doctests('chainer.functions.activation.lstm')
