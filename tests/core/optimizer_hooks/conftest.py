"""Shared helpers for the optimizer hook tests."""
import numpy
import pytest

import chainer
from chainer.backends import cuda


TOLERANCES = {
    numpy.float16: {'atol': 2e-3, 'rtol': 2e-3},
    numpy.float32: {'atol': 1e-6, 'rtol': 1e-5},
    numpy.float64: {'atol': 1e-12, 'rtol': 1e-10},
}


@pytest.fixture(params=['cpu', pytest.param('gpu', marks=pytest.mark.gpu)])
def device(request):
    """Runs a test on CPU, and on GPU where one is available."""
    return request.param


@pytest.fixture(params=[numpy.float16, numpy.float32, numpy.float64])
def dtype(request):
    return request.param


class Setup(object):

    """A link with parameters W (3, 4) and b (4,) and fixed gradients.

    ``arrays`` and ``grads`` are float64 copies of the initial values, for
    the reference computations.
    """

    def __init__(self, dtype, device, seed=0, scale=1.0):
        rng = numpy.random.RandomState(seed)
        self.dtype = dtype
        self.tol = TOLERANCES[dtype]
        self.link = chainer.Link()
        with self.link.init_scope():
            self.link.W = chainer.Parameter(
                rng.uniform(-1, 1, (3, 4)).astype(dtype))
            self.link.b = chainer.Parameter(
                rng.uniform(-1, 1, (4,)).astype(dtype))
        for p in self.link.params():
            p.grad = (scale * rng.uniform(-1, 1, p.shape)).astype(dtype)
        if device == 'gpu':
            self.link.to_gpu()
        self.params = [self.link.W, self.link.b]
        self.arrays = [cuda.to_cpu(p.array).astype(numpy.float64)
                       for p in self.params]
        self.grads = [cuda.to_cpu(p.grad).astype(numpy.float64)
                      for p in self.params]

    def check(self, expected_arrays, expected_grads=None):
        for p, e in zip(self.params, expected_arrays):
            assert p.array.dtype == self.dtype
            chainer.testing.assert_allclose(p.array, e, **self.tol)
        if expected_grads is not None:
            for p, e in zip(self.params, expected_grads):
                chainer.testing.assert_allclose(p.grad, e, **self.tol)


@pytest.fixture
def make_setup():
    return Setup
