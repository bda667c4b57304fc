import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape,pad_width,mode,kw', [
    ((2, 3), 1, 'constant', {}),
    ((2, 3), ((1, 2), (0, 1)), 'constant', {'constant_values': 3.5}),
    ((3,), (2,), 'constant', {}),
    ((2, 3), ((1, 2), (2, 1)), 'edge', {}),
    ((3, 4), 2, 'reflect', {}),
    ((3, 4), ((1, 0), (3, 2)), 'symmetric', {}),
    ((3, 4), 2, 'wrap', {}),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, pad_width, mode, kw, dtype):
    rng = numpy.random.RandomState(28)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.pad(x, pad_width, mode, **kw)
    expected = numpy.pad(x, pad_width, mode=mode, **kw)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    tol = {'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16 else {}

    def f(x):
        return functions.pad(x, pad_width, mode, **kw)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


def test_edge_gradient_accumulates():
    x = chainer.Variable(numpy.array([1., 2.]))
    y = functions.pad(x, 2, 'edge')
    y.grad = numpy.ones(6)
    y.backward()
    testing.assert_allclose(x.grad, [3, 3])


def test_unsupported_mode():
    with pytest.raises(ValueError):
        functions.pad(numpy.zeros(3, numpy.float32), 1, 'mean')


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.pad(numpy.arange(3), 1, 'constant')
