import numpy

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
