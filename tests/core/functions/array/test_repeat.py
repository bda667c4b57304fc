import numpy
import pytest

from chainer import functions
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape,repeats,axis', [
    ((3,), 2, None), ((2, 3), 2, None), ((2, 3), 3, 1), ((2, 3), (1, 2), 0),
    ((2, 3), (0, 2, 1), -1), ((), 3, None), ((2, 3), 0, 1),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, repeats, axis,
                          dtype):
    rng = numpy.random.RandomState(31)
    x = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.repeat(x, repeats, axis)
    check_forward_and_grads(f, (x,), numpy.repeat(x, repeats, axis), rng,
                            grad_tol16={'atol': 5e-2, 'rtol': 5e-2})


def test_bad_arguments():
    x = numpy.zeros((2, 3), numpy.float32)
    with pytest.raises(ValueError):
        functions.repeat(x, -1)
    with pytest.raises(TypeError):
        functions.repeat(x, 1.5)
    with pytest.raises(TypeError):
        functions.repeat(x, 2, axis=1.0)
    with pytest.raises(type_check.InvalidType):
        functions.repeat(x, 2, axis=2)
    with pytest.raises(type_check.InvalidType):
        functions.repeat(x, (1, 2), axis=1)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (2, 3)).astype(numpy.float32)]

    def f(*xs):
        x, = xs
        return functions.repeat(x, (1, 2, 0), 1)
    gpu_matches_cpu(f, inputs, rng)
