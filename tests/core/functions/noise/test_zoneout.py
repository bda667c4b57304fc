import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_train(dtype):
    numpy.random.seed(0)
    h = numpy.zeros((100, 50), dtype)
    x = numpy.ones((100, 50), dtype)
    y = functions.zoneout(h, x, ratio=0.3)
    assert y.dtype == dtype
    values = numpy.unique(y.array)
    assert set(values) <= {0, 1}
    # About 30% of the elements keep the previous state h (== 0).
    assert abs((y.array == 0).mean() - 0.3) < 0.03


def test_test_mode_returns_x():
    h = numpy.zeros(3, numpy.float32)
    x = numpy.ones(3, numpy.float32)
    with chainer.using_config('train', False):
        y = functions.zoneout(h, x)
        v = chainer.Variable(x)
        w = functions.zoneout(h, v)
    # As v5: x itself comes back, an array as an array.
    assert y is x
    assert w is v


def test_backward_routes_to_chosen_input():
    numpy.random.seed(1)
    h = chainer.Variable(numpy.zeros((4, 5)))
    x = chainer.Variable(numpy.ones((4, 5)))
    y = functions.zoneout(h, x, ratio=0.5)
    y.grad = numpy.full((4, 5), 2.)
    y.backward()
    from_h = y.array == 0
    testing.assert_allclose(h.grad, 2. * from_h)
    testing.assert_allclose(x.grad, 2. * ~from_h)


def test_backward_numerical():
    rng = numpy.random.RandomState(2)
    h, x, gy = (rng.uniform(-1, 1, (3, 2)) for _ in range(3))

    def f(h, x):
        numpy.random.seed(5)  # the same flags on every call
        return functions.zoneout(h, x, 0.4)
    gradient_check.check_backward(f, (h, x), gy, dtype=numpy.float64)


def test_train_argument_rejected():
    h = numpy.zeros(3, numpy.float32)
    with pytest.raises(ValueError):
        functions.zoneout(h, h, train=True)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_exact_v5_flags(dtype):
    # v5: flag_x = numpy.random.rand(*x.shape) >= ratio; y takes x where
    # the flag is set and h elsewhere.
    rng = numpy.random.RandomState(3)
    h = rng.uniform(-1, 1, (4, 6)).astype(dtype)
    x = rng.uniform(-1, 1, (4, 6)).astype(dtype)
    ref = numpy.random.RandomState(30)
    flag = ref.rand(4, 6) >= 0.4
    next_draw = ref.rand()
    numpy.random.seed(30)
    with chainer.using_config('train', True):
        y = functions.zoneout(h, x, ratio=0.4)
    numpy.testing.assert_array_equal(y.array, numpy.where(flag, x, h))
    assert numpy.random.rand() == next_draw
