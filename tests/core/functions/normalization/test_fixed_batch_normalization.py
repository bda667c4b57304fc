import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@testing.parameterize(*testing.product({
    'case': [((5, 3), (3,), None), ((2, 3, 2, 2), (3,), None),
             ((2, 3, 4), (3, 4), None), ((2, 3, 4), (3,), (0, 2))],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestFixedBatchNormalization:

    @pytest.fixture(autouse=True)
    def setup(self):
        self.x_shape, self.g_shape, self.axis = self.case
        rng = numpy.random.RandomState(9)
        shapes = [self.x_shape] + [self.g_shape] * 4
        arrays = [rng.uniform(-1, 1, s) for s in shapes]
        arrays[4] = rng.uniform(0.5, 1, self.g_shape)  # var > 0
        self.inputs = tuple(a.astype(self.dtype) for a in arrays)
        self.eps = 1e-3

    def test_forward(self):
        x, g, b, m, v = (a.astype(numpy.float64) for a in self.inputs)
        axis = self.axis or (0,) + tuple(
            range(len(self.g_shape) + 1, len(self.x_shape)))
        pshape = [1 if i in axis else s for i, s in enumerate(x.shape)]
        r = [a.reshape(pshape) for a in (g, b, m, v)]
        expected = r[0] * (x - r[2]) / numpy.sqrt(r[3] + self.eps) + r[1]
        y = functions.fixed_batch_normalization(
            *self.inputs, eps=self.eps, axis=self.axis)
        assert y.dtype == self.dtype
        tol = 1e-2 if self.dtype == numpy.float16 else 1e-5
        testing.assert_allclose(expected, y.array, atol=tol, rtol=tol)

    def _f(self, *inputs):
        return functions.fixed_batch_normalization(
            *inputs, eps=self.eps, axis=self.axis)

    def _inputs64(self):
        return tuple(a.astype(numpy.float64) for a in self.inputs)

    def test_backward(self):
        gy = numpy.random.RandomState(1).uniform(-1, 1, self.x_shape)
        gradient_check.check_backward(
            self._f, self._inputs64(), gy, dtype=numpy.float64,
            atol=1e-4, rtol=1e-3)

    def test_double_backward(self):
        rng = numpy.random.RandomState(2)
        gy = rng.uniform(-1, 1, self.x_shape)
        ggs = tuple(rng.uniform(-1, 1, a.shape) for a in self.inputs)
        gradient_check.check_double_backward(
            self._f, self._inputs64(), gy, ggs, dtype=numpy.float64,
            atol=1e-4, rtol=1e-3)


def test_shape_mismatch():
    x = numpy.zeros((2, 3), numpy.float32)
    p = numpy.ones(3, numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.fixed_batch_normalization(
            x, p, p, p, numpy.ones(4, numpy.float32))
