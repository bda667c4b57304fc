import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing


@testing.parameterize(*testing.product({
    'dtype': [numpy.float16, numpy.float32, numpy.float64],
    'ratio': [0.0, 0.3, 0.9],
}))
class TestDropout:

    def test_forward_train(self):
        numpy.random.seed(0)
        x = numpy.random.uniform(1, 2, (50, 40)).astype(self.dtype)
        y, mask = functions.dropout(x, self.ratio, return_mask=True)
        assert y.dtype == self.dtype and mask.dtype == self.dtype
        scale = 1. / (1 - self.ratio)
        kept = mask != 0
        testing.assert_allclose(mask[kept], scale, rtol=1e-3)
        testing.assert_allclose(y.array, x * mask, rtol=1e-3)
        assert numpy.all(y.array[~kept] == 0)
        # The dropped fraction is close to ratio (2000 samples).
        assert abs((~kept).mean() - self.ratio) < 0.05

    def test_backward(self):
        rng = numpy.random.RandomState(1)
        x = rng.uniform(-1, 1, (3, 4))
        gy = rng.uniform(-1, 1, (3, 4))
        ggx = rng.uniform(-1, 1, (3, 4))
        _, mask = functions.dropout(x, self.ratio, return_mask=True)

        def f(x):
            return functions.dropout(x, self.ratio, mask=mask)
        gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
        gradient_check.check_double_backward(f, x, gy, ggx,
                                             dtype=numpy.float64)


def test_given_mask_used():
    x = numpy.arange(4, dtype=numpy.float32)
    mask = numpy.array([0, 2, 2, 0], numpy.float32)
    y = functions.dropout(x, 0.5, mask=mask)
    testing.assert_allclose(y.array, x * mask)


def test_test_mode_is_identity():
    x = numpy.random.RandomState(0).rand(3, 2).astype(numpy.float32)
    with chainer.using_config('train', False):
        y, mask = functions.dropout(x, 0.5, return_mask=True)
        y2 = functions.dropout(x, 0.5)
    assert mask is None
    assert numpy.array_equal(y.array, x)
    assert numpy.array_equal(y2.array, x)


def test_invalid_ratio():
    with pytest.raises(ValueError):
        functions.dropout(numpy.zeros(3, numpy.float32), 1.0)


def test_train_argument_rejected():
    with pytest.raises(ValueError, match='using_config'):
        functions.dropout(numpy.zeros(3, numpy.float32), 0.5, train=True)


def test_unknown_argument_rejected():
    with pytest.raises(TypeError):
        functions.dropout(numpy.zeros(3, numpy.float32), 0.5, foo=1)


@testing.attr.gpu
def test_gpu():
    from chainer.backends import cuda
    x = cuda.cupy.ones((100, 10), numpy.float32)
    y, mask = functions.dropout(x, 0.5, return_mask=True)
    assert isinstance(mask, cuda.ndarray)
    m = cuda.to_cpu(mask)
    assert set(numpy.unique(m)) <= {0.0, 2.0}
    testing.assert_allclose(cuda.to_cpu(y.array), m)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('ratio', [0.1, 0.5])
def test_exact_v5_mask_on_cpu(dtype, ratio):
    # v5: flag = numpy.random.rand(*shape) >= ratio (float64), and the mask
    # is the dtype's 1 / (1 - ratio) where the flag is set.
    x = numpy.random.RandomState(2).uniform(-1, 1, (3, 4, 5)).astype(dtype)
    rng = numpy.random.RandomState(12)
    flag = rng.rand(3, 4, 5) >= ratio
    scale = dtype(1. / (1 - ratio))
    expected_mask = numpy.where(flag, scale, dtype(0)).astype(dtype)
    next_draw = rng.rand()
    numpy.random.seed(12)
    with chainer.using_config('train', True):
        y, mask = functions.dropout(x, ratio, return_mask=True)
    assert mask.dtype == dtype
    numpy.testing.assert_array_equal(mask, expected_mask)
    numpy.testing.assert_array_equal(y.array, x * expected_mask)
    assert numpy.random.rand() == next_draw


def test_uniforms_are_compared_in_float64():
    # Find a uniform that float32 rounds up; with the ratio set to that
    # float32 value, v5 drops the element (u < ratio) although the float32
    # copy of u equals the ratio.
    rng = numpy.random.RandomState(0)
    u = rng.rand(1000)
    i = int(numpy.argmax(u.astype(numpy.float32) > u))
    assert numpy.float32(u[i]) > u[i]
    ratio = float(numpy.float32(u[i]))
    numpy.random.seed(0)
    with chainer.using_config('train', True):
        _, mask = functions.dropout(
            numpy.ones(1000, numpy.float32), ratio, return_mask=True)
    assert mask[i] == 0
    numpy.testing.assert_array_equal(mask != 0, u >= ratio)
