import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _reference(x, t, delta):
    d = x - t
    return numpy.where(numpy.abs(d) <= delta, 0.5 * d * d,
                       delta * (numpy.abs(d) - 0.5 * delta))


@testing.parameterize(*testing.product({
    'shape': [(4, 3), (2, 3, 2)],
    'reduce': ['sum_along_second_axis', 'no'],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestHuberLoss:

    @pytest.fixture(autouse=True)
    def setup(self):
        rng = numpy.random.RandomState(0)
        self.x = rng.uniform(-2, 2, self.shape)
        self.t = rng.uniform(-2, 2, self.shape)
        # Away from the switch point |x - t| == delta.
        d = self.x - self.t
        self.x[numpy.abs(numpy.abs(d) - 1) < 0.05] += 0.2

    def test_forward(self):
        y = functions.huber_loss(self.x.astype(self.dtype),
                                 self.t.astype(self.dtype), 1.0,
                                 reduce=self.reduce)
        expected = _reference(self.x, self.t, 1.0)
        if self.reduce != 'no':
            expected = expected.sum(axis=1)
        assert y.dtype == self.dtype
        tol = 1e-2 if self.dtype == numpy.float16 else 1e-6
        testing.assert_allclose(expected, y.array, atol=tol, rtol=tol)

    def test_backward(self):
        rng = numpy.random.RandomState(1)
        y_shape = (self.shape if self.reduce == 'no'
                   else self.shape[:1] + self.shape[2:])
        gy = rng.uniform(-1, 1, y_shape)
        gg = (rng.uniform(-1, 1, self.shape), rng.uniform(-1, 1, self.shape))

        def f(x, t):
            return functions.huber_loss(x, t, 1.0, reduce=self.reduce)
        gradient_check.check_backward(f, (self.x, self.t), gy,
                                      dtype=numpy.float64)
        gradient_check.check_double_backward(f, (self.x, self.t), gy, gg,
                                             dtype=numpy.float64)


def test_errors():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(ValueError, match="^Only 'sum_along_second_axis'"):
        functions.huber_loss(x, x, 1.0, reduce='mean')
    with pytest.raises(type_check.InvalidType):
        functions.huber_loss(x, numpy.zeros((2, 2), numpy.float32), 1.0)
