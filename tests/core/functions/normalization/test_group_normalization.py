import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


def _reference(x, groups, gamma, beta, eps):
    n, c = x.shape[:2]
    g = x.reshape(n, groups, -1)
    mean = g.mean(axis=2, keepdims=True)
    var = g.var(axis=2, keepdims=True)
    y = ((g - mean) / numpy.sqrt(var + eps)).reshape(x.shape)
    pshape = (1, c) + (1,) * (x.ndim - 2)
    return y * gamma.reshape(pshape) + beta.reshape(pshape)


@testing.parameterize(*testing.product({
    'shape': [(2, 4), (2, 6, 3), (1, 4, 2, 3)],
    'groups': [1, 2],
    'dtype': [numpy.float32, numpy.float64],
}))
class TestGroupNormalization:

    @pytest.fixture(autouse=True)
    def setup(self):
        rng = numpy.random.RandomState(3)
        self.x = rng.uniform(-1, 1, self.shape)
        self.gamma = rng.uniform(0.5, 1, self.shape[1])
        self.beta = rng.uniform(-1, 1, self.shape[1])

    def test_forward(self):
        y = functions.group_normalization(
            self.x.astype(self.dtype), self.groups,
            self.gamma.astype(self.dtype), self.beta.astype(self.dtype))
        assert y.dtype == self.dtype and y.shape == self.shape
        expected = _reference(self.x, self.groups, self.gamma, self.beta,
                              1e-5)
        testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)

    def test_backward(self):
        gy = numpy.random.RandomState(4).uniform(-1, 1, self.shape)
        gradient_check.check_backward(
            lambda x, g, b: functions.group_normalization(
                x, self.groups, g, b),
            (self.x, self.gamma, self.beta), gy, dtype=numpy.float64,
            eps=1e-5, atol=1e-4, rtol=1e-3)


def test_groups_must_divide_channels():
    x = numpy.zeros((2, 6), numpy.float32)
    g = numpy.ones(6, numpy.float32)
    with pytest.raises(ValueError, match='multiple'):
        functions.group_normalization(x, 4, g, g)
