import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


@pytest.mark.parametrize('shape,reps', [
    ((3,), 2), ((3,), (2, 2)), ((2, 3), (2, 1, 2)), ((2, 3, 2), (2, 1)),
    ((), 3), ((2,), 0),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, reps, dtype):
    rng = numpy.random.RandomState(32)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    y = functions.tile(x, reps)
    expected = numpy.tile(x, reps)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    tol = {'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16 else {}

    def f(x):
        return functions.tile(x, reps)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        f, x, gy, ggx, dtype=numpy.float64, **tol)


def test_bad_reps():
    x = numpy.zeros(3, numpy.float32)
    with pytest.raises(ValueError):
        functions.tile(x, -1)
    with pytest.raises(TypeError):
        functions.tile(x, 1.5)
    with pytest.raises(TypeError):
        functions.tile(x, [2, 2])
