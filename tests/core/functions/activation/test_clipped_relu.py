import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, dtype):
    rng = numpy.random.RandomState(0)
    z = 0.75
    x = rng.uniform(-1, 1, shape).astype(dtype)
    # Keep away from the kinks at 0 and z.
    x[(-0.05 < x) & (x < 0.05)] = 0.5
    x[(z - 0.05 < x) & (x < z + 0.05)] = 0.5
    expected = numpy.array([min(max(0., float(v)), z) for v in x.ravel()],
                           dtype).reshape(shape)

    def f(x):
        return functions.clipped_relu(x, z)
    check_forward_and_grads(f, (x,), expected, rng,
                            {'atol': 1e-3, 'rtol': 1e-3}, exact=True)


def test_default_z():
    x = numpy.array([-100., 5., 100.], numpy.float32)
    testing.assert_allclose(functions.clipped_relu(x).array, [0, 5, 20])


def test_z_must_be_float():
    with pytest.raises(TypeError):
        functions.clipped_relu(numpy.zeros(3, numpy.float32), 1)


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.clipped_relu(numpy.arange(3), 1.0)
