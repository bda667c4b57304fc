import numpy
import pytest

from chainer import functions


@pytest.mark.parametrize('shape,reps', [
    ((3,), 2), ((3,), (2, 2)), ((2, 3), (2, 1, 2)), ((2, 3, 2), (2, 1)),
    ((), 3), ((2,), 0),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, reps, dtype):
    rng = numpy.random.RandomState(32)
    x = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.tile(x, reps)
    check_forward_and_grads(f, (x,), numpy.tile(x, reps), rng,
                            grad_tol16={'atol': 5e-2, 'rtol': 5e-2})


def test_bad_reps():
    x = numpy.zeros(3, numpy.float32)
    with pytest.raises(ValueError):
        functions.tile(x, -1)
    with pytest.raises(TypeError):
        functions.tile(x, 1.5)
    with pytest.raises(TypeError):
        functions.tile(x, [2, 2])
