import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr


def _reference_grad(shape, slices, gy):
    # Independent reference: loop over every element of x and add the
    # gradients of the outputs that picked it (via an index map).
    index = numpy.arange(int(numpy.prod(shape))).reshape(shape)
    picked = numpy.asarray(index[slices]).ravel()
    gx = numpy.zeros(int(numpy.prod(shape)))
    for i, g in zip(picked, numpy.asarray(gy, numpy.float64).ravel()):
        gx[i] += g
    return gx.reshape(shape)


SLICES = [
    1,
    -1,
    slice(1, None),
    (1, slice(None, None, -1)),
    (Ellipsis, 2),
    (None, 0, Ellipsis),
    (1, None, 1, 0),
    (slice(None), numpy.array([1, 0, 1])),
    numpy.array([[0, 1], [1, 1]]),
    [1, 0, 1],
    [0, slice(1, 3)],
    numpy.array([True, False, True, True]),
    (slice(None), numpy.array([[True, False, True], [False, True, True]])),
    (numpy.array([0, 3]), slice(None), numpy.array([1, 0])),
    (),
]


@pytest.mark.parametrize('slices', SLICES)
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(slices, dtype):
    rng = numpy.random.RandomState(6)
    shape = (4, 2, 3)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.get_item(x, slices)
    ref_slices = tuple(slices) if isinstance(slices, list) and \
        not all(isinstance(s, int) for s in slices) else slices
    expected = x[ref_slices]
    assert y.dtype == dtype
    assert y.shape == numpy.shape(expected)
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)

    gy = rng.uniform(-1, 1, y.shape).astype(dtype)
    xv = chainer.Variable(x)
    yv = functions.get_item(xv, slices)
    yv.grad = gy
    yv.backward()
    tol = {'atol': 1e-3, 'rtol': 1e-3} if dtype == numpy.float16 else {}
    testing.assert_allclose(
        xv.grad, _reference_grad(shape, ref_slices, gy), **tol)

    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.get_item(x, slices)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


def test_repeated_indices_accumulate():
    x = chainer.Variable(numpy.zeros(3, numpy.float32))
    y = functions.get_item(x, numpy.array([0, 0, 2, 0]))
    y.grad = numpy.ones(4, numpy.float32)
    y.backward()
    testing.assert_allclose(x.grad, numpy.array([3, 0, 1], numpy.float32))


def test_zero_dim_output_is_array():
    y = functions.get_item(numpy.arange(3.), 1)
    assert isinstance(y.array, numpy.ndarray)
    assert y.shape == ()


def test_zero_dim_input():
    x = numpy.array(2., numpy.float32)
    y = functions.get_item(x, None)
    assert y.shape == (1,)
    y = functions.get_item(x, Ellipsis)
    assert y.shape == ()


def test_non_contiguous_input():
    x = numpy.arange(24.).reshape(4, 6)[:, ::2]
    y = functions.get_item(x, (slice(None), [0, 2]))
    testing.assert_allclose(y.array, x[:, [0, 2]], atol=0, rtol=0)


def test_out_of_range():
    with pytest.raises(IndexError):
        functions.get_item(numpy.zeros((2, 3), numpy.float32), 2)


def test_two_ellipsis_debug():
    x = numpy.zeros((2, 3), numpy.float32)
    with chainer.using_config('debug', True):
        with pytest.raises(ValueError):
            functions.get_item(x, (Ellipsis, 0, Ellipsis))


def test_integer_array_input():
    x = numpy.arange(12).reshape((2, 2, 3))
    numpy.testing.assert_array_equal(
        functions.get_item(x, (Ellipsis, 2)).array, [[2, 5], [8, 11]])


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (3, 4)).astype(numpy.float32)]

    def f(*xs):
        x, = xs
        return functions.get_item(x, (slice(None), [0, 0, 2]))
    gpu_matches_cpu(f, inputs, rng)
