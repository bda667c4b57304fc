import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _reference(x, gamma, beta, axis, eps):
    x = x.astype(numpy.float64)
    keep = [i for i in range(x.ndim) if i not in axis]
    pshape = [x.shape[i] if i in keep else 1 for i in range(x.ndim)]
    mean = x.mean(axis=axis, keepdims=True)
    var = x.var(axis=axis, keepdims=True)
    y = (x - mean) / numpy.sqrt(var + eps)
    y = y * gamma.reshape(pshape) + beta.reshape(pshape)
    return y, mean.reshape(gamma.shape), var.reshape(gamma.shape)


# (x shape, gamma shape, axis argument, reduced axes)
_CASES = [
    ((5, 3), (3,), None, (0,)),
    ((4, 3, 2, 2), (3,), None, (0, 2, 3)),
    ((4, 3, 2, 2), (3, 2), None, (0, 3)),
    ((4, 3, 2), (3, 2), 0, (0,)),
    ((2, 3, 4), (3,), (0, 2), (0, 2)),
    ((3, 4, 2), (2,), (0, 1), (0, 1)),
]


@testing.parameterize(*testing.product({
    'case': _CASES,
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestBatchNormalization:

    @pytest.fixture(autouse=True)
    def setup(self):
        self.x_shape, self.g_shape, self.axis, self.red = self.case
        rng = numpy.random.RandomState(11)
        self.x = rng.uniform(-1, 1, self.x_shape).astype(self.dtype)
        self.gamma = rng.uniform(0.5, 1, self.g_shape).astype(self.dtype)
        self.beta = rng.uniform(-1, 1, self.g_shape).astype(self.dtype)
        self.eps = 2e-5
        self.tol = ({'atol': 1e-2, 'rtol': 1e-2}
                    if self.dtype == numpy.float16 else
                    {'atol': 1e-5, 'rtol': 1e-4})

    def test_forward_and_running_stats(self):
        rm0 = numpy.random.RandomState(1).rand(*self.g_shape)
        rv0 = numpy.random.RandomState(2).rand(*self.g_shape) + 1
        rm = rm0.astype(self.dtype)
        rv = rv0.astype(self.dtype)
        rm_id, rv_id = id(rm), id(rv)
        y = functions.batch_normalization(
            self.x, self.gamma, self.beta, eps=self.eps, running_mean=rm,
            running_var=rv, decay=0.8, axis=self.axis)
        expected, mean, var = _reference(
            self.x, self.gamma, self.beta, self.red, self.eps)
        assert y.dtype == self.dtype and y.shape == self.x_shape
        testing.assert_allclose(expected, y.array, **self.tol)
        m = self.x.size // self.gamma.size
        assert id(rm) == rm_id and id(rv) == rv_id
        testing.assert_allclose(rm, 0.8 * rm0 + 0.2 * mean, **self.tol)
        testing.assert_allclose(
            rv, 0.8 * rv0 + 0.2 * var * m / (m - 1), **self.tol)

    def _inputs64(self):
        return tuple(a.astype(numpy.float64)
                     for a in (self.x, self.gamma, self.beta))

    def test_backward(self):
        rng = numpy.random.RandomState(3)
        gy = rng.uniform(-1, 1, self.x_shape)

        def f(x, gamma, beta):
            return functions.batch_normalization(
                x, gamma, beta, eps=self.eps, axis=self.axis)
        gradient_check.check_backward(
            f, self._inputs64(), gy, dtype=numpy.float64,
            atol=1e-4, rtol=1e-3)

    def test_double_backward(self):
        rng = numpy.random.RandomState(4)
        gy = rng.uniform(-1, 1, self.x_shape)
        ggx = rng.uniform(-1, 1, self.x_shape)
        ggg = rng.uniform(-1, 1, self.g_shape)
        ggb = rng.uniform(-1, 1, self.g_shape)

        def f(x, gamma, beta):
            y = functions.batch_normalization(
                x, gamma, beta, eps=self.eps, axis=self.axis)
            # Squared so that the second derivative in gy is exercised.
            return y * y
        gradient_check.check_double_backward(
            f, self._inputs64(), gy, (ggx, ggg, ggb),
            dtype=numpy.float64, atol=1e-3, rtol=1e-3)


def test_running_var_unbiased_with_batch_of_one():
    # m == 1: v5 divides by max(m - 1, 1), so no division by zero.
    x = numpy.array([[1.0, 2.0]], numpy.float32)
    g = numpy.ones(2, numpy.float32)
    b = numpy.zeros(2, numpy.float32)
    rm = numpy.zeros(2, numpy.float32)
    rv = numpy.ones(2, numpy.float32)
    functions.batch_normalization(x, g, b, running_mean=rm, running_var=rv)
    testing.assert_allclose(rm, 0.1 * x[0])
    testing.assert_allclose(rv, [0.9, 0.9])


def test_variable_inputs_keep_gradients():
    rng = numpy.random.RandomState(0)
    x = chainer.Variable(rng.rand(6, 2).astype(numpy.float32))
    g = chainer.Variable(numpy.ones(2, numpy.float32))
    b = chainer.Variable(numpy.zeros(2, numpy.float32))
    y = functions.batch_normalization(x, g, b)
    functions.sum(y * y).backward()
    assert x.grad.shape == (6, 2)
    assert g.grad.shape == (2,)
    testing.assert_allclose(b.grad, [0, 0], atol=1e-5)


def test_gamma_shape_mismatch():
    x = numpy.zeros((2, 3, 4), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.batch_normalization(
            x, numpy.ones(4, numpy.float32), numpy.zeros(4, numpy.float32))


def test_dtype_mismatch():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.batch_normalization(
            x, numpy.ones(3, numpy.float64), numpy.zeros(3, numpy.float64))


def test_train_argument_rejected():
    x = numpy.zeros((2, 3), numpy.float32)
    g = numpy.ones(3, numpy.float32)
    with pytest.raises(ValueError, match='using_config'):
        functions.batch_normalization(x, g, g, train=True)


def test_only_one_running_stat():
    x = numpy.zeros((2, 3), numpy.float32)
    g = numpy.ones(3, numpy.float32)
    with pytest.raises(ValueError):
        functions.batch_normalization(x, g, g, running_mean=g.copy())


@testing.attr.gpu
def test_gpu_matches_cpu():
    from chainer.backends import cuda
    rng = numpy.random.RandomState(0)
    x = rng.rand(4, 3, 2, 2).astype(numpy.float32)
    g = rng.rand(3).astype(numpy.float32)
    b = rng.rand(3).astype(numpy.float32)
    rm, rv = numpy.zeros(3, numpy.float32), numpy.ones(3, numpy.float32)
    rm_g, rv_g = cuda.to_gpu(rm), cuda.to_gpu(rv)
    y = functions.batch_normalization(x, g, b, running_mean=rm,
                                      running_var=rv)
    xg = chainer.Variable(cuda.to_gpu(x))
    yg = functions.batch_normalization(
        xg, cuda.to_gpu(g), cuda.to_gpu(b), running_mean=rm_g,
        running_var=rv_g)
    testing.assert_allclose(y.array, cuda.to_cpu(yg.array), atol=1e-5)
    testing.assert_allclose(rm, cuda.to_cpu(rm_g), atol=1e-6)
    testing.assert_allclose(rv, cuda.to_cpu(rv_g), atol=1e-6)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32])
@pytest.mark.parametrize('need', [(True, True, True), (True, False, False),
                                  (False, True, True)])
def test_array_backward_matches_variable_backward(dtype, need):
    # Plain backprop runs _backward_arrays; double backprop builds the
    # BatchNormalizationGrad node. Both must give the same gradients, and
    # match an independent float64 formula.
    rng = numpy.random.RandomState(11)
    x0 = rng.uniform(-1, 2, (3, 4, 2, 5)).astype(dtype)
    g0 = rng.uniform(0.5, 1.5, 4).astype(dtype)
    b0 = rng.uniform(-1, 1, 4).astype(dtype)
    gy = rng.uniform(-1, 1, x0.shape).astype(dtype)
    results = []
    for double in (False, True):
        vs = [chainer.Variable(a.copy(), requires_grad=r)
              for a, r in zip((x0, g0, b0), need)]
        y = functions.batch_normalization(*vs)
        assert hasattr(y.creator_node, '_backward_arrays')
        y.grad = gy
        y.backward(enable_double_backprop=double)
        results.append([v.grad for v in vs])
    for a, b, r in zip(results[0], results[1], need):
        if not r:
            assert a is None and b is None
            continue
        assert type(a) is numpy.ndarray and a.dtype == dtype
        numpy.testing.assert_array_equal(a, b)
    ax = (0, 2, 3)
    x, g, gy64 = (a.astype(numpy.float64) for a in (x0, g0, gy))
    mu = x.mean(ax, keepdims=True)
    sd = numpy.sqrt(x.var(ax, keepdims=True) + 2e-5)
    xh = (x - mu) / sd
    gb = gy64.sum(ax)
    gg = (gy64 * xh).sum(ax)
    gx = (g[:, None, None] / sd) * (
        gy64 - gb[:, None, None] / 30 - xh * gg[:, None, None] / 30)
    tol = {'atol': 2e-2, 'rtol': 2e-2} if dtype == numpy.float16 else {
        'atol': 1e-5, 'rtol': 1e-4}
    for got, want, r in zip(results[0], (gx, gg, gb), need):
        if r:
            numpy.testing.assert_allclose(got, want, **tol)
