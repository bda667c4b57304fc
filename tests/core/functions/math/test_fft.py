import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('method', ['fft', 'ifft'])
@pytest.mark.parametrize('shape', [(4,), (2, 5), (2, 3, 4)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(method, shape, dtype):
    rng = numpy.random.RandomState(0)
    rx, ix, gr, gi, ggr, ggi = (rng.uniform(-1, 1, shape).astype(dtype)
                                for _ in range(6))
    func = getattr(functions, method)
    ry, iy = func((rx, ix))
    expected = getattr(numpy.fft, method)(rx.astype('d') + 1j * ix)
    assert ry.dtype == dtype and iy.dtype == dtype
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(ry.array, expected.real, **tol)
    testing.assert_allclose(iy.array, expected.imag, **tol)

    def f(r, i):
        return func((r, i))
    gradient_check.check_backward(f, (rx, ix), (gr, gi),
                                  dtype=numpy.float64, **tol)
    # fft is linear: square the outputs for a non-zero second derivative.

    def f2(r, i):
        yr, yi = func((r, i))
        return yr * yr, yi * yi
    gradient_check.check_double_backward(
        f2, (rx, ix), (gr, gi), (ggr, ggi), dtype=numpy.float64,
        atol=1e-3, rtol=1e-3)


def test_one_output_used():
    r = chainer.Variable(numpy.array([1., 2., 3.]))
    i = chainer.Variable(numpy.zeros(3))
    yr, _ = functions.fft((r, i))
    yr.grad = numpy.ones(3)
    yr.backward()
    # sum_k Re(W_kn) = n at column 0 and 0 elsewhere.
    testing.assert_allclose(r.grad, [3, 0, 0], atol=1e-12)


def test_round_trip():
    rng = numpy.random.RandomState(1)
    r, i = rng.rand(2, 6), rng.rand(2, 6)
    rr, ii = functions.ifft(functions.fft((r, i)))
    testing.assert_allclose(rr.array, r)
    testing.assert_allclose(ii.array, i)


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.fft((numpy.ones(3, 'f'), numpy.ones(4, 'f')))
    with pytest.raises(type_check.InvalidType):
        functions.fft((numpy.ones(3, 'f'), numpy.ones(3, 'd')))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(
        lambda r, i: functions.fft((r, i)),
        lambda rng: [rng.uniform(-1, 1, (2, 4)), rng.uniform(-1, 1, (2, 4))])


def test_non_contiguous():
    r = numpy.arange(24, dtype=numpy.float64).reshape(4, 6)[:, ::2]
    i = numpy.ones((3, 4)).T
    yr, yi = functions.fft((r, i))
    expected = numpy.fft.fft(r + 1j * i)
    testing.assert_allclose(yr.array, expected.real)
    testing.assert_allclose(yi.array, expected.imag)


@pytest.mark.parametrize('f', [functions.fft, functions.ifft])
def test_zero_dim_rejected(f):
    # v5 type-checks ndim > 0.
    x = numpy.array(1.0, numpy.float32)
    with pytest.raises(type_check.InvalidType):
        f((x, x))
