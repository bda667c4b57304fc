import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), ()])
@pytest.mark.parametrize('train', [True, False])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, train, dtype):
    rng = numpy.random.RandomState(7)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    x[(-0.05 < x) & (x < 0.05)] = 0.5
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    lo, hi = 0.1, 0.3
    with chainer.using_config('train', train):
        y, r = functions.rrelu(x, l=lo, u=hi, return_r=True)
    assert y.dtype == dtype
    assert r.shape == shape and r.dtype == dtype
    if train:
        assert numpy.all((lo <= r) & (r <= hi))
    else:
        testing.assert_allclose(r, numpy.full(shape, 0.2, dtype))
    expected = numpy.where(x >= 0, x, x * r)
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    tol = {'atol': 1e-3, 'rtol': 1e-2} if dtype == numpy.float16 else {}

    def f(x):
        # Reuse r so the function is deterministic.
        with chainer.using_config('train', train):
            return functions.rrelu(x, l=lo, u=hi, r=r)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


def test_given_r_is_used():
    x = numpy.array([[-1, 0], [2, -3]], numpy.float32)
    r = numpy.full((2, 2), 0.25, numpy.float32)
    testing.assert_allclose(functions.rrelu(x, r=r).array,
                            [[-0.25, 0], [2, -0.75]])


def test_return_r_false_returns_variable():
    y = functions.rrelu(numpy.zeros(3, numpy.float32))
    assert isinstance(y, chainer.Variable)


@pytest.mark.parametrize('lo,hi', [(-0.1, 0.3), (0.1, 1.0), (0.3, 0.1)])
def test_bad_bounds(lo, hi):
    with pytest.raises(ValueError):
        functions.rrelu(numpy.zeros(3, numpy.float32), l=lo, u=hi)


def test_bad_r_shape():
    with pytest.raises(type_check.InvalidType):
        functions.rrelu(numpy.zeros(3, numpy.float32),
                        r=numpy.zeros(2, numpy.float32))


def test_train_argument_rejected():
    with pytest.raises(ValueError):
        functions.rrelu(numpy.zeros(3, numpy.float32), train=True)


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.rrelu(numpy.arange(3))


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_exact_v5_slopes(dtype):
    # v5: r = numpy.random.uniform(l, u, x.shape) cast to x's dtype;
    # y = x where x >= 0, else x * r.
    x = numpy.random.RandomState(1).uniform(-1, 1, (3, 4)).astype(dtype)
    ref = numpy.random.RandomState(26)
    r = ref.uniform(0.1, 0.3, (3, 4)).astype(dtype)
    next_draw = ref.rand()
    numpy.random.seed(26)
    with chainer.using_config('train', True):
        y, got_r = functions.rrelu(x, l=0.1, u=0.3, return_r=True)
    numpy.testing.assert_array_equal(got_r, r)
    numpy.testing.assert_array_equal(y.array, numpy.where(x >= 0, x, x * r))
    assert numpy.random.rand() == next_draw
