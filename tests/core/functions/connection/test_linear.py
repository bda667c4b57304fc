import unittest

import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _tol(dtype):
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-2}
    return {'atol': 1e-5, 'rtol': 1e-4}


@testing.parameterize(*testing.product({
    'x_shape': [(4, 3), (4, 3, 2)],
    'n_batch_axes': [1, 2],
    'nobias': [False, True],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestLinear(unittest.TestCase):

    def setUp(self):
        rng = numpy.random.RandomState(0)
        nb = self.n_batch_axes
        if len(self.x_shape) <= nb:
            pytest.skip('needs a feature axis')
        n_in = int(numpy.prod(self.x_shape[nb:]))
        self.x = rng.uniform(-1, 1, self.x_shape).astype(self.dtype)
        self.W = rng.uniform(-1, 1, (5, n_in)).astype(self.dtype)
        self.b = None if self.nobias else rng.uniform(
            -1, 1, 5).astype(self.dtype)
        self.out_shape = self.x_shape[:nb] + (5,)
        self.gy = rng.uniform(-1, 1, self.out_shape).astype(self.dtype)
        self.ggx = rng.uniform(-1, 1, self.x.shape).astype(self.dtype)
        self.ggW = rng.uniform(-1, 1, self.W.shape).astype(self.dtype)
        self.ggb = rng.uniform(-1, 1, 5).astype(self.dtype)
        self.gtol = ({'atol': 1e-2, 'rtol': 5e-2}
                     if self.dtype == numpy.float16 else
                     {'atol': 1e-4, 'rtol': 1e-3})

    def _args(self):
        return (self.x, self.W) if self.nobias else (self.x, self.W, self.b)

    def _f(self, *args):
        return functions.linear(*args, n_batch_axes=self.n_batch_axes)

    def test_forward(self):
        nb = self.n_batch_axes
        x = self.x.astype(numpy.float64).reshape(
            int(numpy.prod(self.x_shape[:nb])), -1)
        expected = x @ self.W.astype(numpy.float64).T
        if not self.nobias:
            expected += self.b
        y = self._f(*self._args())
        assert y.dtype == self.dtype
        assert y.shape == self.out_shape
        testing.assert_allclose(
            expected.reshape(self.out_shape), y.array, **_tol(self.dtype))

    def test_backward(self):
        gradient_check.check_backward(
            self._f, self._args(), self.gy, dtype=numpy.float64,
            **self.gtol)

    def test_double_backward(self):
        gg = (self.ggx, self.ggW) if self.nobias else (
            self.ggx, self.ggW, self.ggb)
        gradient_check.check_double_backward(
            self._f, self._args(), self.gy, gg, dtype=numpy.float64,
            **self.gtol)


def test_linear_grad_values():
    # Analytic gradients against the closed forms.
    rng = numpy.random.RandomState(1)
    x = chainer.Variable(rng.randn(6, 4))
    W = chainer.Variable(rng.randn(3, 4))
    b = chainer.Variable(rng.randn(3))
    y = functions.linear(x, W, b)
    gy = rng.randn(6, 3)
    y.grad = gy
    y.backward()
    testing.assert_allclose(x.grad, gy @ W.array)
    testing.assert_allclose(W.grad, gy.T @ x.array)
    testing.assert_allclose(b.grad, gy.sum(0))


def test_linear_noncontiguous():
    rng = numpy.random.RandomState(2)
    x = rng.randn(4, 6)[:, ::2]
    W = numpy.asfortranarray(rng.randn(5, 3))
    testing.assert_allclose(functions.linear(x, W).array, x @ W.T)


def test_linear_bad_shapes():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.linear(x, numpy.zeros((4, 5), numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.linear(x, numpy.zeros((4, 3), numpy.float32),
                         numpy.zeros(5, numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.linear(numpy.zeros((2, 3), numpy.int32),
                         numpy.zeros((4, 3), numpy.float32))


def test_linear_bad_n_batch_axes():
    with pytest.raises(ValueError):
        functions.linear(numpy.zeros((2, 3)), numpy.zeros((4, 3)),
                         n_batch_axes=0)


@testing.attr.gpu
def test_linear_gpu():
    cuda = chainer.backends.cuda
    rng = numpy.random.RandomState(3)
    x, W, b = rng.randn(4, 3), rng.randn(5, 3), rng.randn(5)
    y = functions.linear(cuda.to_gpu(x), cuda.to_gpu(W), cuda.to_gpu(b))
    testing.assert_allclose(cuda.to_cpu(y.array), x @ W.T + b)


def test_doctests(check_doctests):
    check_doctests('chainer.functions.connection.linear')


def test_empty_batch():
    import chainer
    x = numpy.zeros((0, 3), numpy.float32)
    W = numpy.random.rand(4, 3).astype(numpy.float32)
    b = numpy.random.rand(4).astype(numpy.float32)
    xv, Wv = chainer.Variable(x), chainer.Variable(W)
    y = functions.linear(xv, Wv, b)
    assert y.shape == (0, 4)
    y.grad = numpy.zeros((0, 4), numpy.float32)
    y.backward()
    assert xv.grad.shape == (0, 3)
    numpy.testing.assert_array_equal(Wv.grad, numpy.zeros((4, 3)))
