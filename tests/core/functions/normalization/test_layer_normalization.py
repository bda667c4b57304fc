import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@testing.parameterize(*testing.product({
    'shape': [(3, 4), (1, 5)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
}))
class TestLayerNormalization:

    @pytest.fixture(autouse=True)
    def setup(self):
        rng = numpy.random.RandomState(8)
        self.x = rng.uniform(-1, 1, self.shape)
        self.gamma = rng.uniform(0.5, 1, self.shape[1:])
        self.beta = rng.uniform(-1, 1, self.shape[1:])

    def test_forward(self):
        x, g, b = (a.astype(self.dtype)
                   for a in (self.x, self.gamma, self.beta))
        y = functions.layer_normalization(x, g, b, eps=1e-5)
        mean = self.x.mean(axis=1, keepdims=True)
        var = self.x.var(axis=1, keepdims=True)
        expected = (self.x - mean) / numpy.sqrt(var + 1e-5) * self.gamma \
            + self.beta
        assert y.dtype == self.dtype
        tol = 2e-2 if self.dtype == numpy.float16 else 1e-5
        testing.assert_allclose(expected, y.array, atol=tol, rtol=tol)

    def test_backward(self):
        gy = numpy.random.RandomState(1).uniform(-1, 1, self.shape)
        gradient_check.check_backward(
            functions.layer_normalization, (self.x, self.gamma, self.beta),
            gy, dtype=numpy.float64, atol=1e-4, rtol=1e-3)

    def test_double_backward(self):
        rng = numpy.random.RandomState(2)
        gy = rng.uniform(-1, 1, self.shape)
        ggs = tuple(rng.uniform(-1, 1, a.shape)
                    for a in (self.x, self.gamma, self.beta))
        gradient_check.check_double_backward(
            lambda *a: functions.layer_normalization(*a) ** 2,
            (self.x, self.gamma, self.beta), gy, ggs, dtype=numpy.float64,
            atol=1e-3, rtol=1e-3)


def test_bad_shapes():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.layer_normalization(x, numpy.ones(4, numpy.float32),
                                      numpy.ones(4, numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.layer_normalization(numpy.zeros((2, 3, 4), numpy.float32),
                                      numpy.ones(3, numpy.float32),
                                      numpy.ones(3, numpy.float32))
