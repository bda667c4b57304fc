import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _reference(x0, x1, y, margin):
    d = numpy.sqrt(((x0 - x1) ** 2).sum(axis=1))
    return 0.5 * (y * d * d + (1 - y) * numpy.maximum(margin - d, 0) ** 2)


@testing.parameterize(*testing.product({
    'reduce': ['mean', 'no'],
    'margin': [1, 2.5],
    'dtype': [numpy.float32, numpy.float64],
}))
class TestContrastive:

    @pytest.fixture(autouse=True)
    def setup(self):
        rng = numpy.random.RandomState(0)
        self.x0 = rng.uniform(-1, 1, (6, 3))
        self.x1 = rng.uniform(-1, 1, (6, 3))
        self.y = rng.randint(0, 2, 6).astype(numpy.int32)
        # Away from the hinge at d == margin.
        d = numpy.sqrt(((self.x0 - self.x1) ** 2).sum(axis=1))
        self.x1[numpy.abs(d - self.margin) < 0.05] += 0.2

    def test_forward(self):
        loss = functions.contrastive(
            self.x0.astype(self.dtype), self.x1.astype(self.dtype), self.y,
            self.margin, self.reduce)
        expected = _reference(self.x0, self.x1, self.y, self.margin)
        if self.reduce == 'mean':
            expected = expected.sum() / len(self.y)
        assert loss.dtype == self.dtype
        testing.assert_allclose(expected, loss.array, rtol=1e-5)

    def test_backward(self):
        gy = numpy.random.RandomState(2).uniform(
            -1, 1, () if self.reduce == 'mean' else (6,))
        gradient_check.check_backward(
            lambda a, b: functions.contrastive(a, b, self.y, self.margin,
                                               self.reduce),
            (self.x0, self.x1), gy, dtype=numpy.float64)


def test_identical_pair_has_zero_gradient_not_nan():
    import chainer
    x0 = chainer.Variable(numpy.ones((2, 3), numpy.float32))
    x1 = chainer.Variable(numpy.ones((2, 3), numpy.float32))
    y = numpy.array([1, 0], numpy.int32)
    functions.contrastive(x0, x1, y).backward()
    assert numpy.isfinite(x0.grad).all()


def test_errors():
    x = numpy.zeros((2, 3), numpy.float32)
    y = numpy.zeros(2, numpy.int32)
    with pytest.raises(ValueError):
        functions.contrastive(x, x, y, margin=0)
    with pytest.raises(ValueError):
        functions.contrastive(x, x, y, reduce='sum')
    with pytest.raises(type_check.InvalidType):
        functions.contrastive(x, x, numpy.zeros(3, numpy.int32))
