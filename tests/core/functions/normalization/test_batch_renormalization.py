import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing


def _reference(x, gamma, beta, rmax, dmax, eps, rm, rv):
    axis = (0,) + tuple(range(2, x.ndim))
    pshape = [1] * x.ndim
    pshape[1] = x.shape[1]
    mean = x.mean(axis=axis)
    std = numpy.sqrt(x.var(axis=axis) + eps)
    rstd = numpy.sqrt(rv + eps)
    r = numpy.clip(std / rstd, 1 / rmax, rmax)
    d = numpy.clip((mean - rm) / rstd, -dmax, dmax)
    x_hat = (x - mean.reshape(pshape)) / std.reshape(pshape)
    x_hat = x_hat * r.reshape(pshape) + d.reshape(pshape)
    return gamma.reshape(pshape) * x_hat + beta.reshape(pshape)


@testing.parameterize(*testing.product({
    'shape': [(5, 3), (4, 3, 2)],
    'dtype': [numpy.float32, numpy.float64],
    'update': [False, True],
}))
class TestBatchRenormalization:

    @pytest.fixture(autouse=True)
    def setup(self):
        rng = numpy.random.RandomState(6)
        c = self.shape[1]
        self.x = rng.uniform(-1, 1, self.shape).astype(self.dtype)
        self.gamma = rng.uniform(0.5, 1, c).astype(self.dtype)
        self.beta = rng.uniform(-1, 1, c).astype(self.dtype)
        self.rm = rng.uniform(-0.5, 0.5, c).astype(self.dtype)
        self.rv = rng.uniform(0.1, 0.5, c).astype(self.dtype)
        self.rmax, self.dmax, self.eps = 1.5, 0.3, 2e-5

    def test_forward_and_statistics(self):
        rm, rv = self.rm.copy(), self.rv.copy()
        y = functions.batch_renormalization(
            self.x, self.gamma, self.beta, self.rmax, self.dmax,
            eps=self.eps, running_mean=rm, running_var=rv, decay=0.7,
            update_statistics=self.update)
        expected = _reference(
            self.x.astype(numpy.float64), self.gamma, self.beta, self.rmax,
            self.dmax, self.eps, self.rm.astype(numpy.float64),
            self.rv.astype(numpy.float64))
        assert y.dtype == self.dtype
        testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)
        if not self.update:
            assert numpy.array_equal(rm, self.rm)
            assert numpy.array_equal(rv, self.rv)
        else:
            axis = (0,) + tuple(range(2, self.x.ndim))
            m = self.x.size // self.x.shape[1]
            x = self.x.astype(numpy.float64)
            testing.assert_allclose(
                rm, 0.7 * self.rm + 0.3 * x.mean(axis=axis), rtol=1e-4)
            var = (x.var(axis=axis) + self.eps) * m / (m - 1)
            testing.assert_allclose(rv, 0.7 * self.rv + 0.3 * var,
                                    rtol=1e-4)

    def test_backward(self):
        # r and d are constants: compare with the same function whose
        # statistics are frozen at the values of this batch.
        inputs = tuple(a.astype(numpy.float64)
                       for a in (self.x, self.gamma, self.beta))
        gy = numpy.random.RandomState(2).uniform(-1, 1, self.shape)
        func = functions.normalization.batch_renormalization
        node = func.BatchRenormalizationFunction(
            self.eps, self.rm.astype(numpy.float64),
            self.rv.astype(numpy.float64), 0.9, self.rmax, self.dmax,
            update_statistics=False)
        node.apply(inputs)
        r, d = node.r, node.d

        def f(x, gamma, beta):
            axis = (0,) + tuple(range(2, x.ndim))
            pshape = (1, -1) + (1,) * (x.ndim - 2)
            mean = functions.mean(x, axis=axis, keepdims=True)
            xc = x - functions.broadcast_to(mean, x.shape)
            var = functions.mean(xc * xc, axis=axis, keepdims=True)
            std = functions.broadcast_to(
                functions.sqrt(var + self.eps), x.shape)
            x_hat = (xc / std * numpy.broadcast_to(r.reshape(pshape),
                                                   x.shape)
                     + numpy.broadcast_to(d.reshape(pshape), x.shape))
            return (functions.broadcast_to(
                functions.reshape(gamma, pshape), x.shape) * x_hat
                + functions.broadcast_to(functions.reshape(beta, pshape),
                                         x.shape))
        xs = [chainer.Variable(a) for a in inputs]
        ys = [chainer.Variable(a) for a in inputs]
        y1 = functions.batch_renormalization(
            *xs, self.rmax, self.dmax, eps=self.eps,
            running_mean=self.rm.astype(numpy.float64),
            running_var=self.rv.astype(numpy.float64))
        y2 = f(*ys)
        testing.assert_allclose(y1.array, y2.array)
        y1.grad = gy
        y2.grad = gy
        y1.backward()
        y2.backward()
        for a, b in zip(xs, ys):
            testing.assert_allclose(a.grad, b.grad, atol=1e-8, rtol=1e-6)


def test_backward_numerical_when_not_clipped():
    # With rmax, dmax large and the running statistics equal to the batch
    # ones, r == 1 and d == 0: a plain batch normalization.
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (6, 3))
    g = rng.uniform(0.5, 1, 3)
    b = rng.uniform(-1, 1, 3)
    gy = rng.uniform(-1, 1, (6, 3))
    rm = x.mean(axis=0)
    rv = x.var(axis=0)

    def f(x, g, b):
        return functions.batch_renormalization(
            x, g, b, 1e6, 1e6, running_mean=rm, running_var=rv)
    # Numerical differentiation moves the batch statistics, so r and d
    # are no longer 1 and 0: only the analytic gradient at this point is
    # compared with batch normalization's.
    xs = [chainer.Variable(a.copy()) for a in (x, g, b)]
    ys = [chainer.Variable(a.copy()) for a in (x, g, b)]
    y1 = f(*xs)
    y2 = functions.batch_normalization(*ys)
    testing.assert_allclose(y1.array, y2.array, atol=1e-6)
    y1.grad = gy
    y2.grad = gy
    y1.backward()
    y2.backward()
    for a, c in zip(xs, ys):
        testing.assert_allclose(a.grad, c.grad, atol=1e-5)
    gradient_check.check_backward(
        lambda g, b: functions.batch_renormalization(
            x, g, b, 1e6, 1e6, running_mean=rm, running_var=rv),
        (g, b), gy, dtype=numpy.float64)


def test_fixed_batch_renormalization_is_fixed_batch_normalization():
    rng = numpy.random.RandomState(1)
    args = [rng.uniform(0.5, 1, s).astype(numpy.float32)
            for s in [(4, 3), (3,), (3,), (3,), (3,)]]
    y1 = functions.fixed_batch_renormalization(*args, eps=1e-3)
    y2 = functions.fixed_batch_normalization(*args, eps=1e-3)
    testing.assert_allclose(y1.array, y2.array)


def test_running_mean_alone_rejected():
    x = numpy.zeros((2, 3), numpy.float32)
    g = numpy.ones(3, numpy.float32)
    with pytest.raises(ValueError):
        functions.batch_renormalization(x, g, g, 1, 0, running_mean=g)
