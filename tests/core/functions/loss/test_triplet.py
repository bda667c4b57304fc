import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


@testing.parameterize(*testing.product({
    'reduce': ['mean', 'no'],
    'dtype': [numpy.float32, numpy.float64],
}))
class TestTriplet:

    @pytest.fixture(autouse=True)
    def setup(self):
        rng = numpy.random.RandomState(0)
        self.a, self.p, self.n = (rng.uniform(-1, 1, (5, 3))
                                  for _ in range(3))
        self.margin = 0.3

    def _expected(self):
        d = ((self.a - self.p) ** 2).sum(1) - ((self.a - self.n) ** 2).sum(1)
        loss = numpy.maximum(d + self.margin, 0)
        return loss.mean() if self.reduce == 'mean' else loss

    def test_forward(self):
        loss = functions.triplet(
            *(v.astype(self.dtype) for v in (self.a, self.p, self.n)),
            margin=self.margin, reduce=self.reduce)
        assert loss.dtype == self.dtype
        testing.assert_allclose(self._expected(), loss.array, rtol=1e-5)

    def test_backward(self):
        d = ((self.a - self.p) ** 2).sum(1) - ((self.a - self.n) ** 2).sum(1)
        assert numpy.all(numpy.abs(d + self.margin) > 1e-2)
        gy = numpy.random.RandomState(1).uniform(
            -1, 1, () if self.reduce == 'mean' else (5,))
        gradient_check.check_backward(
            lambda a, p, n: functions.triplet(a, p, n, self.margin,
                                              self.reduce),
            (self.a, self.p, self.n), gy, dtype=numpy.float64)


def test_errors():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(ValueError):
        functions.triplet(x, x, x, margin=0)
    with pytest.raises(ValueError):
        functions.triplet(x, x, numpy.zeros((2, 4), numpy.float32))
    with pytest.raises(ValueError):
        functions.triplet(x, x, x, reduce='sum')
