import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@testing.parameterize(*testing.product({
    'shape': [(), (4, 3), (2, 3, 2)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestMeanSquaredError:

    @pytest.fixture(autouse=True)
    def setup(self):
        rng = numpy.random.RandomState(2)
        self.x0 = rng.uniform(-1, 1, self.shape).astype(self.dtype)
        self.x1 = rng.uniform(-1, 1, self.shape).astype(self.dtype)
        self.gy = rng.uniform(-1, 1, ())
        self.ggx0 = rng.uniform(-1, 1, self.shape)
        self.ggx1 = rng.uniform(-1, 1, self.shape)

    def test_forward(self):
        y = functions.mean_squared_error(self.x0, self.x1)
        assert y.dtype == self.dtype and y.shape == ()
        d = self.x0.astype(numpy.float64) - self.x1
        tol = 1e-3 if self.dtype == numpy.float16 else 1e-6
        testing.assert_allclose(numpy.mean(d * d), y.array, rtol=tol)

    def _inputs64(self):
        return self.x0.astype(numpy.float64), self.x1.astype(numpy.float64)

    def test_backward(self):
        gradient_check.check_backward(
            functions.mean_squared_error, self._inputs64(), self.gy,
            dtype=numpy.float64)

    def test_double_backward(self):
        gradient_check.check_double_backward(
            functions.mean_squared_error, self._inputs64(), self.gy,
            (self.ggx0, self.ggx1), dtype=numpy.float64)


def test_known_value():
    x0 = numpy.array([1, 2, 3], numpy.float32)
    x1 = numpy.array([1, 4, 7], numpy.float32)
    testing.assert_allclose(
        functions.mean_squared_error(x0, x1).array, 20 / 3.)


def test_non_contiguous():
    x0 = numpy.arange(12, dtype=numpy.float32).reshape(3, 4).T
    x1 = numpy.zeros((4, 3), numpy.float32)
    testing.assert_allclose(
        functions.mean_squared_error(x0, x1).array, numpy.mean(x0 ** 2))


def test_shape_mismatch():
    with pytest.raises(type_check.InvalidType):
        functions.mean_squared_error(numpy.zeros(3, numpy.float32),
                                     numpy.zeros(4, numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.mean_squared_error(numpy.zeros(3, numpy.float32),
                                     numpy.zeros(3, numpy.float64))


def test_doctests(check_doctests):
    check_doctests('chainer.functions.loss.mean_squared_error')
