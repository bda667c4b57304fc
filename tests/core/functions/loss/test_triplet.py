import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.functions.loss import triplet
from chainer.utils import type_check


def _reference(a, p, n, margin, reduce):
    # v5: squared distances summed over axis 1 only.
    d = ((a - p) ** 2).sum(axis=1) - ((a - n) ** 2).sum(axis=1)
    loss = numpy.maximum(d + margin, 0)
    return loss.sum() / len(a) if reduce == 'mean' else loss


@testing.parameterize(*testing.product({
    'reduce': ['mean', 'no'],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'shape': [(5, 3), (4, 3, 2)],
}))
class TestTriplet:

    @pytest.fixture(autouse=True)
    def setup(self):
        rng = numpy.random.RandomState(0)
        self.a, self.p, self.n = (rng.uniform(-1, 1, self.shape)
                                  for _ in range(3))
        self.margin = 0.3
        # Away from the hinge.
        d = ((self.a - self.p) ** 2).sum(1) - ((self.a - self.n) ** 2).sum(1)
        self.n += 0.3 * (numpy.abs(d + self.margin) < 0.05)[:, None]

    def test_forward(self):
        loss = functions.triplet(
            *(v.astype(self.dtype) for v in (self.a, self.p, self.n)),
            margin=self.margin, reduce=self.reduce)
        expected = _reference(self.a, self.p, self.n, self.margin,
                              self.reduce)
        assert loss.dtype == self.dtype
        assert loss.shape == expected.shape
        tol = 1e-2 if self.dtype == numpy.float16 else 1e-5
        testing.assert_allclose(expected, loss.array, rtol=tol, atol=tol)

    def test_backward(self):
        rng = numpy.random.RandomState(1)
        y_shape = () if self.reduce == 'mean' else (
            self.shape[:1] + self.shape[2:])
        gy = rng.uniform(-1, 1, y_shape)
        ggs = tuple(rng.uniform(-1, 1, self.shape) for _ in range(3))

        def f(a, p, n):
            return functions.triplet(a, p, n, self.margin, self.reduce)
        args = (self.a, self.p, self.n)
        gradient_check.check_backward(f, args, gy, dtype=numpy.float64)
        gradient_check.check_double_backward(f, args, gy, ggs,
                                             dtype=numpy.float64)


def test_errors():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(ValueError, match='margin should be positive'):
        functions.triplet(x, x, x, margin=0)
    with pytest.raises(ValueError, match='reduce'):
        functions.triplet(x, x, x, reduce='sum')
    # v5 checks the inputs with type_check.
    with pytest.raises(type_check.InvalidType):
        functions.triplet(x, x, numpy.zeros((2, 4), numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.triplet(x, x, x.astype(numpy.float64))
    with pytest.raises(type_check.InvalidType):
        functions.triplet(*(numpy.zeros((0, 3), numpy.float32),) * 3)
    with pytest.raises(ValueError, match='margin should be positive'):
        triplet.Triplet(-1.)
