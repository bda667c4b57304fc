import numpy

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


def _away_from_zero(shape, dtype='f'):
    x = numpy.random.uniform(0.1, 1, shape)
    return (x * numpy.random.choice([-1, 1], shape)).astype(dtype)


def test_shared_slope():
    link = links.PReLU()
    assert link.W.shape == ()
    numpy.testing.assert_array_equal(link.W.array, 0.25)
    x = _away_from_zero((3, 4))
    expected = numpy.where(x > 0, x, 0.25 * x)
    testing.assert_allclose(expected, link(x).array)


def test_channel_slopes():
    link = links.PReLU(shape=(3,), init=0.1)
    link.W.array[...] = [0.1, 0.2, 0.3]
    x = _away_from_zero((2, 3, 2))
    expected = numpy.where(x > 0, x, numpy.array([.1, .2, .3])[:, None] * x)
    testing.assert_allclose(expected, link(x).array)


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.PReLU(shape=(3,))
    x = _away_from_zero((2, 3), numpy.float64)
    gy = numpy.random.uniform(-1, 1, (2, 3))
    gradient_check.check_backward(link, x, gy, link.W, atol=1e-6,
                                  rtol=1e-5)


def test_serialize_round_trip(save_load):
    src = links.PReLU((2,), init=0.5)
    dst = links.PReLU((2,))
    assert list(save_load(src, dst)) == ['W']
    numpy.testing.assert_array_equal(dst.W.array, 0.5)


def test_doctests(run_doctests):
    run_doctests('chainer.links.activation.prelu')
