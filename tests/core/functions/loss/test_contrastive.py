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
        rng = numpy.random.RandomState(2)
        gy = rng.uniform(-1, 1, () if self.reduce == 'mean' else (6,))
        gradient_check.check_backward(
            lambda a, b: functions.contrastive(a, b, self.y, self.margin,
                                               self.reduce),
            (self.x0, self.x1), gy, dtype=numpy.float64)

    def test_double_backward(self):
        # v5 builds the gradient from functions: it is differentiable.
        rng = numpy.random.RandomState(3)
        gy = rng.uniform(-1, 1, () if self.reduce == 'mean' else (6,))
        ggx = (rng.uniform(-1, 1, (6, 3)), rng.uniform(-1, 1, (6, 3)))
        gradient_check.check_double_backward(
            lambda a, b: functions.contrastive(a, b, self.y, self.margin,
                                               self.reduce),
            (self.x0, self.x1), gy, ggx, dtype=numpy.float64,
            atol=1e-5, rtol=1e-4)


def test_identical_pair_has_zero_gradient_not_nan():
    import chainer
    x0 = chainer.Variable(numpy.ones((2, 3), numpy.float32))
    x1 = chainer.Variable(numpy.ones((2, 3), numpy.float32))
    y = numpy.array([1, 0], numpy.int32)
    loss = functions.contrastive(x0, x1, y)
    gx0, = chainer.grad([loss], [x0], enable_double_backprop=True)
    assert numpy.all(gx0.array == 0)
    ggx0, = chainer.grad([functions.sum(gx0)], [x0])
    assert numpy.isfinite(ggx0.array).all()


def test_float32_value_as_v5():
    # v5: an integer y promotes the per-pair loss to float64; the mean is
    # taken there and rounded once to float32.
    rng = numpy.random.RandomState(4)
    x0 = rng.uniform(-1, 1, (7, 5)).astype(numpy.float32)
    x1 = rng.uniform(-1, 1, (7, 5)).astype(numpy.float32)
    y = rng.randint(0, 2, 7).astype(numpy.int32)
    dist_sq = ((x0 - x1) ** 2).sum(axis=1)
    mdist = numpy.maximum(1.5 - numpy.sqrt(dist_sq), 0)
    per_pair = (y * dist_sq + (1 - y) * mdist * mdist) * .5
    expected = numpy.float32(per_pair.sum() / 7)
    assert functions.contrastive(x0, x1, y, 1.5).array == expected


def test_errors():
    x = numpy.zeros((2, 3), numpy.float32)
    y = numpy.zeros(2, numpy.int32)
    with pytest.raises(ValueError):
        functions.contrastive(x, x, y, margin=0)
    with pytest.raises(ValueError):
        functions.contrastive(x, x, y, reduce='sum')
    with pytest.raises(type_check.InvalidType):
        functions.contrastive(x, x, numpy.zeros(3, numpy.int32))
