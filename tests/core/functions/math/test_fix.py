import numpy
import pytest

import chainer
from chainer import functions
from chainer import testing


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward(shape, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-5, 5, shape).astype(dtype)
    y = functions.fix(x)
    assert isinstance(y, chainer.Variable)
    assert y.dtype == dtype and y.shape == shape
    testing.assert_allclose(y.array, numpy.fix(x), atol=0, rtol=0)


def test_exact_values():
    x = numpy.array([-1.5, -1., -0.5, 0., 0.5, 1., 1.5], numpy.float32)
    testing.assert_allclose(functions.fix(x).array, numpy.fix(x), atol=0,
                            rtol=0)


def test_not_connected_to_the_graph():
    # v5: the result is a new Variable; no gradient flows back to x.
    x = chainer.Variable(numpy.array([0.3, -1.7], numpy.float32))
    y = functions.fix(x)
    assert y.creator is None
    assert not y.requires_grad


def test_non_contiguous():
    x = numpy.linspace(-3, 3, 24).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.fix(x).array, numpy.fix(x))
