import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check

FLOATS = [numpy.float16, numpy.float32, numpy.float64]


@pytest.mark.parametrize('in_type', FLOATS)
@pytest.mark.parametrize('out_type', FLOATS)
@pytest.mark.parametrize('shape', [(3, 4), ()])
def test_forward_backward(in_type, out_type, shape):
    rng = numpy.random.RandomState(9)
    x = rng.uniform(-1, 1, shape).astype(in_type)
    y = functions.cast(x, out_type)
    assert y.dtype == out_type
    assert y.shape == shape
    testing.assert_allclose(y.array, x.astype(out_type), atol=0, rtol=0)

    xv = chainer.Variable(x)
    yv = functions.cast(xv, out_type)
    gy = rng.uniform(-1, 1, shape).astype(out_type)
    yv.grad = gy
    yv.backward()
    # The gradient comes back in the input dtype.
    assert xv.grad.dtype == in_type
    testing.assert_allclose(xv.grad, gy.astype(in_type), atol=0, rtol=0)

    if in_type != out_type:
        tol = {}
        if numpy.float16 in (in_type, out_type):
            # cast is linear, so a large eps hides float16 rounding.
            tol = {'atol': 5e-2, 'rtol': 5e-2, 'eps': 0.25}
        ggx = rng.uniform(-1, 1, shape).astype(in_type)

        def f(x):
            return functions.cast(x, out_type)
        gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
        gradient_check.check_double_backward(
            f, x, gy, ggx, dtype=numpy.float64, **tol)


def test_same_type_without_backprop_returns_input():
    x = numpy.zeros(3, numpy.float32)
    with chainer.no_backprop_mode():
        y = functions.cast(x, 'float32')
    assert isinstance(y, chainer.Variable)
    assert y.array is x


def test_same_type_with_backprop_is_a_new_node():
    # v5.x (chainer#5810): two same-dtype casts of one input each get
    # their own gradient.
    x = chainer.Variable(numpy.array([7.], numpy.float32))
    y1 = functions.cast(x, numpy.float32)
    y2 = functions.cast(x, numpy.float32)
    assert y1 is not x and y1.creator is not None
    z = y1 * 2 + y2 * 3
    gy1, gy2 = chainer.grad([z], [y1, y2], [numpy.ones(1, numpy.float32)])
    testing.assert_allclose(gy1.array, [2.])
    testing.assert_allclose(gy2.array, [3.])
    z.grad = numpy.ones(1, numpy.float32)
    z.backward()
    testing.assert_allclose(x.grad, [5.])


def test_string_type():
    y = functions.cast(numpy.arange(3, dtype=numpy.float64), 'float16')
    assert y.dtype == numpy.float16


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.cast(numpy.arange(3), numpy.float32)
