import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@testing.parameterize(*testing.product({
    'case': [((4, 3), 1), ((2, 3, 4), 1), ((2, 3, 4), (1, 2)),
             ((2, 3), 0), ((2, 3, 4), -1)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestNormalize:

    @pytest.fixture(autouse=True)
    def setup(self):
        self.shape, self.axis = self.case
        rng = numpy.random.RandomState(1)
        self.x = rng.uniform(0.2, 1, self.shape) * rng.choice(
            [-1, 1], self.shape)

    def test_forward(self):
        y = functions.normalize(self.x.astype(self.dtype), eps=1e-3,
                                axis=self.axis)
        norm = numpy.sqrt((self.x ** 2).sum(axis=self.axis, keepdims=True))
        assert y.dtype == self.dtype
        tol = 1e-2 if self.dtype == numpy.float16 else 1e-5
        testing.assert_allclose(self.x / (norm + 1e-3), y.array, atol=tol,
                                rtol=tol)

    def test_backward(self):
        rng = numpy.random.RandomState(2)
        gy = rng.uniform(-1, 1, self.shape)
        ggx = rng.uniform(-1, 1, self.shape)

        def f(x):
            return functions.normalize(x, eps=1e-3, axis=self.axis)
        gradient_check.check_backward(f, self.x, gy, dtype=numpy.float64)
        gradient_check.check_double_backward(f, self.x, gy, ggx,
                                             dtype=numpy.float64)


def test_example():
    x = numpy.array([[3, 4], [0, 2]], numpy.float32)
    testing.assert_allclose(functions.normalize(x, eps=0).array,
                            [[0.6, 0.8], [0, 1]])


def test_bad_axis():
    with pytest.raises(type_check.InvalidType):
        functions.normalize(numpy.ones((2, 3), numpy.float32), axis=2)
