import numpy
import pytest

import chainer
from chainer import functions
from chainer import testing


def test_output_is_distribution():
    numpy.random.seed(0)
    log_pi = numpy.log(numpy.array([[0.2, 0.3, 0.5]] * 4, numpy.float32))
    y = functions.gumbel_softmax(log_pi, tau=0.5)
    assert y.shape == (4, 3) and y.dtype == numpy.float32
    testing.assert_allclose(y.array.sum(axis=1), numpy.ones(4), rtol=1e-5)
    assert (y.array >= 0).all()


def test_sample_frequencies_follow_pi():
    numpy.random.seed(1)
    pi = numpy.array([0.1, 0.6, 0.3])
    log_pi = numpy.log(numpy.tile(pi, (20000, 1)))
    y = functions.gumbel_softmax(log_pi, tau=0.01)
    freq = numpy.bincount(y.array.argmax(axis=1), minlength=3) / 20000.
    testing.assert_allclose(freq, pi, atol=0.02)


def test_axis_and_gradient():
    numpy.random.seed(2)
    x = chainer.Variable(numpy.zeros((3, 2, 4)))
    y = functions.gumbel_softmax(x, tau=1.0, axis=2)
    testing.assert_allclose(y.array.sum(axis=2), numpy.ones((3, 2)))
    functions.sum(y * numpy.arange(4.)).backward()
    assert x.grad.shape == (3, 2, 4) and numpy.any(x.grad != 0)
    # Shifting log_pi by a constant along the axis changes nothing.
    testing.assert_allclose(x.grad.sum(axis=2), numpy.zeros((3, 2)),
                            atol=1e-12)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('axis', [0, 1])
def test_exact_v5_noise(dtype, axis):
    # v5: g = numpy.random.gumbel(size=shape) cast to the dtype, then
    # softmax((log_pi + g) / tau).
    log_pi = numpy.log(numpy.random.RandomState(3).dirichlet(
        numpy.ones(4), size=3)).astype(dtype)
    ref = numpy.random.RandomState(31)
    g = ref.gumbel(size=(3, 4)).astype(dtype)
    next_draw = ref.rand()
    z = ((log_pi + g) / 0.3).astype(numpy.float64)
    e = numpy.exp(z - z.max(axis=axis, keepdims=True))
    expected = e / e.sum(axis=axis, keepdims=True)
    numpy.random.seed(31)
    y = functions.gumbel_softmax(log_pi, tau=0.3, axis=axis)
    assert y.dtype == dtype
    tol = 5e-3 if dtype == numpy.float16 else 1e-6
    testing.assert_allclose(y.array, expected, rtol=tol, atol=tol)
    assert numpy.random.rand() == next_draw


def test_scalar_input_gives_one_without_a_draw():
    numpy.random.seed(4)
    expected = numpy.random.rand()
    numpy.random.seed(4)
    y = functions.gumbel_softmax(numpy.float32(-0.5) * numpy.ones(()))
    assert float(y.array) == 1.0
    assert numpy.random.rand() == expected


def test_array_temperature():
    numpy.random.seed(5)
    log_pi = numpy.zeros((2, 3), numpy.float32)
    tau = numpy.array([[0.5], [2.0]], numpy.float32)
    y = functions.gumbel_softmax(log_pi, tau=tau)
    numpy.random.seed(5)
    g = numpy.random.gumbel(size=(2, 3)).astype(numpy.float32)
    z = (g / tau).astype(numpy.float64)
    e = numpy.exp(z - z.max(axis=1, keepdims=True))
    testing.assert_allclose(y.array, e / e.sum(axis=1, keepdims=True),
                            rtol=1e-6)
