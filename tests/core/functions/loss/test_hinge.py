import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _reference(x, t, norm):
    sign = -numpy.ones_like(x)
    sign[numpy.arange(len(t)), t] = 1
    loss = numpy.maximum(0, 1 - sign * x)
    return loss if norm == 'L1' else loss ** 2


@testing.parameterize(*testing.product({
    'norm': ['L1', 'L2'],
    'reduce': ['mean', 'no'],
    'dtype': [numpy.float32, numpy.float64],
}))
class TestHinge:

    @pytest.fixture(autouse=True)
    def setup(self):
        rng = numpy.random.RandomState(0)
        x = rng.uniform(-2, 2, (6, 4))
        # Keep 1 +- x away from the kink at 0.
        x[numpy.abs(numpy.abs(x) - 1) < 0.05] = 0.5
        self.x = x
        self.t = rng.randint(0, 4, 6).astype(numpy.int32)

    def test_forward(self):
        y = functions.hinge(self.x.astype(self.dtype), self.t, self.norm,
                            self.reduce)
        expected = _reference(self.x, self.t, self.norm)
        if self.reduce == 'mean':
            expected = expected.sum() / len(self.x)
        assert y.dtype == self.dtype
        testing.assert_allclose(expected, y.array, rtol=1e-5)

    def test_backward(self):
        gy = numpy.random.RandomState(1).uniform(
            -1, 1, () if self.reduce == 'mean' else self.x.shape)
        gradient_check.check_backward(
            lambda x: functions.hinge(x, self.t, self.norm, self.reduce),
            self.x, gy, dtype=numpy.float64)


def test_errors():
    x = numpy.zeros((2, 3), numpy.float32)
    t = numpy.array([0, 1], numpy.int32)
    with pytest.raises(NotImplementedError):
        functions.hinge(x, t, norm='L3')
    with pytest.raises(ValueError):
        functions.hinge(x, t, reduce='sum')
    with pytest.raises(ValueError):
        functions.hinge(x, numpy.array([0, 3], numpy.int32))
    with pytest.raises(type_check.InvalidType):
        functions.hinge(x, t.astype(numpy.float32))
