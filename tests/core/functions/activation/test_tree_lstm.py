import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer.utils import type_check


def _sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def _ref(cs, x):
    # Block layout: x[:, k * U:(k + 1) * U] is source k in a, i, o, f1..fN.
    units = cs[0].shape[1]
    x = x.astype(numpy.float64)
    blocks = [x[:, k * units:(k + 1) * units] for k in range(3 + len(cs))]
    c = numpy.tanh(blocks[0]) * _sigmoid(blocks[1])
    for f, c_k in zip(blocks[3:], cs):
        c = c + _sigmoid(f) * c_k
    return c, _sigmoid(blocks[2]) * numpy.tanh(c)


@pytest.mark.parametrize('n_children,c_shape', [
    (1, (3, 2)), (2, (3, 2)), (3, (2, 2, 2)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_cell, n_children, c_shape, dtype):
    rng = numpy.random.RandomState(15)

    def u(shape):
        return rng.uniform(-1, 1, shape).astype(dtype)
    x_shape = (c_shape[0], (3 + n_children) * c_shape[1]) + c_shape[2:]
    inputs = tuple(u(c_shape) for _ in range(n_children)) + (u(x_shape),)
    grads = (u(c_shape), u(c_shape))
    ggs = tuple(u(v.shape) for v in inputs)
    check_cell(functions.tree_lstm, inputs, grads, ggs,
               _ref(inputs[:-1], inputs[-1]))


@pytest.mark.parametrize('use', [0, 1])
def test_one_output_used(use):
    rng = numpy.random.RandomState(16)
    inputs = (rng.uniform(-1, 1, (2, 2)), rng.uniform(-1, 1, (2, 2)),
              rng.uniform(-1, 1, (2, 10)))

    def f(*xs):
        return functions.tree_lstm(*xs)[use]
    gradient_check.check_backward(f, inputs, rng.uniform(-1, 1, (2, 2)))


@pytest.mark.parametrize('shapes', [
    [(2, 2), (2, 2), (2, 8)],
    [(2, 2), (3, 10)],
    [(2, 10)],
])
def test_bad_shapes(shapes):
    with pytest.raises(type_check.InvalidType):
        functions.tree_lstm(*[numpy.zeros(s, numpy.float32) for s in shapes])


def test_doctests(check_doctests):
    check_doctests('chainer.functions.activation.tree_lstm')
