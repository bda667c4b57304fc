import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('batchwise', [True, False])
@pytest.mark.parametrize('with_bias', [True, False])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_forward_with_mask(batchwise, with_bias, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (4, 3)).astype(dtype)
    W = rng.uniform(-1, 1, (2, 3)).astype(dtype)
    b = rng.uniform(-1, 1, 2).astype(dtype) if with_bias else None
    shape = (4, 2, 3) if batchwise else (2, 3)
    mask = rng.rand(*shape) >= 0.4
    y = functions.simplified_dropconnect(
        x, W, b, ratio=0.4, mask=mask, use_batchwise_mask=batchwise)
    Wm = W * mask / 0.6
    if batchwise:
        expected = numpy.einsum('boi,bi->bo', Wm, x)
    else:
        expected = x.dot(Wm.T)
    if with_bias:
        expected = expected + b
    assert y.dtype == dtype
    testing.assert_allclose(expected, y.array, rtol=1e-5)


@pytest.mark.parametrize('batchwise', [True, False])
def test_backward(batchwise):
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (3, 2, 2))  # flattened to (3, 4)
    W = rng.uniform(-1, 1, (5, 4))
    b = rng.uniform(-1, 1, 5)
    shape = (3, 5, 4) if batchwise else (5, 4)
    mask = rng.rand(*shape) >= 0.5
    gy = rng.uniform(-1, 1, (3, 5))
    gradient_check.check_backward(
        lambda x, W, b: functions.simplified_dropconnect(
            x, W, b, 0.5, mask=mask, use_batchwise_mask=batchwise),
        (x, W, b), gy, dtype=numpy.float64)


def test_random_mask_and_test_mode():
    numpy.random.seed(0)
    x = numpy.ones((200, 50), numpy.float32)
    W = numpy.ones((1, 50), numpy.float32)
    y = functions.simplified_dropconnect(x, W, ratio=0.5)
    # Each output sums about 25 kept weights scaled by 2.
    assert abs(y.array.mean() - 50) < 2
    assert y.array.std() > 1
    y_test = functions.simplified_dropconnect(x, W, ratio=0.5, train=False)
    testing.assert_allclose(y_test.array, numpy.full((200, 1), 50.))


def test_errors():
    x = numpy.zeros((2, 3), numpy.float32)
    W = numpy.zeros((4, 3), numpy.float32)
    with pytest.raises(ValueError):
        functions.simplified_dropconnect(x, W, ratio=1.0)
    with pytest.raises(type_check.InvalidType):
        functions.simplified_dropconnect(x, numpy.zeros((4, 2), 'f'))
    # v5 checks the mask shape in the type check.
    with pytest.raises(type_check.InvalidType):
        functions.simplified_dropconnect(x, W, mask=numpy.ones((4, 3), bool))
    with pytest.raises(type_check.InvalidType):
        functions.simplified_dropconnect(
            x, W, mask=numpy.ones((2, 4, 3), bool), use_batchwise_mask=False)


@pytest.mark.parametrize('batchwise', [True, False])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_exact_v5_random_mask(batchwise, dtype):
    # v5 draws numpy.random.rand(*mask_shape) >= ratio, multiplies W by the
    # dtype's scale and then by the mask, and contracts with einsum.
    rng = numpy.random.RandomState(5)
    x = rng.uniform(-1, 1, (3, 2, 2)).astype(dtype)
    W = rng.uniform(-1, 1, (5, 4)).astype(dtype)
    b = rng.uniform(-1, 1, 5).astype(dtype)
    shape = (3, 5, 4) if batchwise else (5, 4)
    ref = numpy.random.RandomState(50)
    mask = ref.rand(*shape) >= 0.3
    next_draw = ref.rand()
    Wm = W * dtype(1. / 0.7) * mask
    expected = numpy.einsum('...jk,...kl->...jl', Wm,
                            x.reshape(3, 4)[:, :, None]).reshape(3, 5)
    expected = expected.astype(dtype) + b
    numpy.random.seed(50)
    y = functions.simplified_dropconnect(
        x, W, b, ratio=0.3, use_batchwise_mask=batchwise)
    numpy.testing.assert_array_equal(y.array, expected)
    assert numpy.random.rand() == next_draw


@pytest.mark.parametrize('batchwise', [True, False])
def test_test_mode_still_draws_a_mask(batchwise):
    # v5 sets the ratio to 0 and runs as in training, drawing a mask.
    rng = numpy.random.RandomState(6)
    x = rng.uniform(-1, 1, (3, 4)).astype(numpy.float32)
    W = rng.uniform(-1, 1, (5, 4)).astype(numpy.float32)
    n_draws = 3 * 5 * 4 if batchwise else 5 * 4
    ref = numpy.random.RandomState(60)
    ref.rand(n_draws)
    next_draw = ref.rand()
    numpy.random.seed(60)
    y = functions.simplified_dropconnect(
        x, W, ratio=0.5, train=False, use_batchwise_mask=batchwise)
    assert numpy.random.rand() == next_draw
    testing.assert_allclose(y.array, x.dot(W.T), rtol=1e-5)


def test_test_mode_applies_a_given_mask():
    x = numpy.ones((2, 3), numpy.float32)
    W = numpy.ones((1, 3), numpy.float32)
    mask = numpy.array([[True, False, True]])
    y = functions.simplified_dropconnect(
        x, W, ratio=0.5, train=False, mask=mask, use_batchwise_mask=False)
    testing.assert_allclose(y.array, numpy.full((2, 1), 2.))


@pytest.mark.parametrize('batchwise', [True, False])
def test_double_backward(batchwise):
    rng = numpy.random.RandomState(7)
    x = rng.uniform(-1, 1, (3, 4))
    W = rng.uniform(-1, 1, (2, 4))
    b = rng.uniform(-1, 1, 2)
    shape = (3, 2, 4) if batchwise else (2, 4)
    mask = rng.rand(*shape) >= 0.5
    gy = rng.uniform(-1, 1, (3, 2))
    ggs = (rng.uniform(-1, 1, (3, 4)), rng.uniform(-1, 1, (2, 4)),
           rng.uniform(-1, 1, 2))
    gradient_check.check_double_backward(
        lambda x, W, b: functions.simplified_dropconnect(
            x, W, b, 0.5, mask=mask, use_batchwise_mask=batchwise),
        (x, W, b), gy, ggs, dtype=numpy.float64)
