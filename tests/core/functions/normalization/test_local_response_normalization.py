import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


def _reference(x, n, k, alpha, beta):
    y = numpy.empty_like(x)
    c = x.shape[1]
    half = n // 2
    for i in range(c):
        lo, hi = max(0, i - half), min(c, i + half + 1)
        s = (x[:, lo:hi] ** 2).sum(axis=1)
        y[:, i] = x[:, i] / (k + alpha * s) ** beta
    return y


@testing.parameterize(*testing.product({
    'shape': [(2, 7), (2, 3, 4, 2)],
    'n': [5, 2],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestLocalResponseNormalization:

    @pytest.fixture(autouse=True)
    def setup(self):
        self.x = numpy.random.RandomState(0).uniform(-1, 1, self.shape)

    def test_forward(self):
        y = functions.local_response_normalization(
            self.x.astype(self.dtype), n=self.n, k=1, alpha=0.5, beta=0.75)
        expected = _reference(self.x, self.n, 1, 0.5, 0.75)
        assert y.dtype == self.dtype
        tol = 1e-2 if self.dtype == numpy.float16 else 1e-5
        testing.assert_allclose(expected, y.array, atol=tol, rtol=tol)

    def test_backward(self):
        gy = numpy.random.RandomState(1).uniform(-1, 1, self.shape)
        gradient_check.check_backward(
            lambda x: functions.local_response_normalization(
                x, self.n, 1, 0.5, 0.75), self.x, gy, dtype=numpy.float64)


def test_defaults():
    x = numpy.random.RandomState(3).uniform(-1, 1, (2, 6)).astype('f')
    testing.assert_allclose(
        _reference(x, 5, 2, 1e-4, 0.75),
        functions.local_response_normalization(x).array)
