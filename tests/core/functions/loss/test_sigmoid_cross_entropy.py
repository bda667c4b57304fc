import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _reference(x, t, normalize, reduce):
    x = x.astype(numpy.float64)
    p = 1 / (1 + numpy.exp(-x))
    loss = -(t * numpy.log(p) + (1 - t) * numpy.log(1 - p))
    loss[t == -1] = 0
    if reduce == 'no':
        return loss
    count = (t != -1).sum() if normalize else len(x)
    return loss.sum() / max(count, 1)


@testing.parameterize(*testing.product({
    'shape': [(4, 3), (5,), (2, 3, 2)],
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'normalize': [True, False],
    'reduce': ['mean', 'no'],
}))
class TestSigmoidCrossEntropy:

    @pytest.fixture(autouse=True)
    def setup(self):
        rng = numpy.random.RandomState(0)
        self.x = rng.uniform(-3, 3, self.shape)
        self.t = rng.randint(-1, 2, self.shape).astype(numpy.int32)

    def test_forward(self):
        y = functions.sigmoid_cross_entropy(
            self.x.astype(self.dtype), self.t, self.normalize, self.reduce)
        assert y.dtype == self.dtype
        tol = 1e-2 if self.dtype == numpy.float16 else 1e-6
        testing.assert_allclose(
            _reference(self.x, self.t, self.normalize, self.reduce),
            y.array, atol=tol, rtol=tol)

    def test_backward(self):
        rng = numpy.random.RandomState(1)
        y_shape = () if self.reduce == 'mean' else self.shape
        gy = rng.uniform(-1, 1, y_shape)
        ggx = rng.uniform(-1, 1, self.shape)

        def f(x):
            return functions.sigmoid_cross_entropy(
                x, self.t, self.normalize, self.reduce)
        gradient_check.check_backward(f, self.x, gy, dtype=numpy.float64)
        gradient_check.check_double_backward(f, self.x, gy, ggx,
                                             dtype=numpy.float64)


def test_extreme_logits_finite():
    x = chainer.Variable(numpy.array([[-100., 100.]], numpy.float32))
    t = numpy.array([[0, 1]], numpy.int32)
    y = functions.sigmoid_cross_entropy(x, t)
    y.backward()
    assert numpy.isfinite(y.array) and float(y.array) < 1e-6
    assert numpy.isfinite(x.grad).all()


def test_other_label_values_use_the_formula():
    # v5 does not reject labels other than 0, 1 and -1: the loss stays
    # -(t x - log(1 + e^x)) and the gradient sigmoid(x) - t.
    x = chainer.Variable(numpy.array([[0.5, -1.0], [2.0, 0.0]]))
    t = numpy.array([[2, 0], [-1, 3]], numpy.int32)
    y = functions.sigmoid_cross_entropy(x, t, reduce='no')
    xa = x.array
    expected = -(t * xa - numpy.log1p(numpy.exp(xa)))
    expected[t == -1] = 0
    testing.assert_allclose(expected, y.array)
    functions.sum(y).backward()
    grad = 1 / (1 + numpy.exp(-xa)) - t
    grad[t == -1] = 0
    testing.assert_allclose(grad, x.grad)


def test_bad_input():
    x = numpy.zeros((2, 2), numpy.float32)
    with pytest.raises(type_check.InvalidType):
        functions.sigmoid_cross_entropy(x, x)
    with pytest.raises(ValueError, match='reduce'):
        functions.sigmoid_cross_entropy(
            x, numpy.zeros((2, 2), numpy.int32), reduce='sum')


def test_doctests(check_doctests):
    check_doctests('chainer.functions.loss.sigmoid_cross_entropy')
