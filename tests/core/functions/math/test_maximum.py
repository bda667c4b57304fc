import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


def _inputs(shape, dtype, seed=0):
    rng = numpy.random.RandomState(seed)
    x1 = rng.uniform(-1, 1, shape).astype(dtype)
    x2 = rng.uniform(-1, 1, shape).astype(dtype)
    # Keep the two inputs apart: the gradient jumps where they are equal.
    close = numpy.abs(x1 - x2) < 0.1
    x2[close] = x1[close] + 0.5
    return x1, x2


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, dtype):
    x1, x2 = _inputs(shape, dtype)
    rng = numpy.random.RandomState(1)
    gy, gg1, gg2 = (rng.uniform(-1, 1, shape).astype(dtype)
                    for _ in range(3))
    y = functions.maximum(x1, x2)
    assert y.dtype == dtype and y.shape == shape
    testing.assert_allclose(y.array, numpy.maximum(x1, x2))
    gradient_check.check_backward(functions.maximum, (x1, x2), gy,
                                  dtype=numpy.float64)
    gradient_check.check_double_backward(
        functions.maximum, (x1, x2), gy, (gg1, gg2), dtype=numpy.float64)


def test_tie_goes_to_first_input():
    x1 = chainer.Variable(numpy.array([1., 2.], numpy.float32))
    x2 = chainer.Variable(numpy.array([1., 3.], numpy.float32))
    y = functions.maximum(x1, x2)
    y.grad = numpy.ones(2, numpy.float32)
    y.backward()
    testing.assert_allclose(x1.grad, [1, 0])
    testing.assert_allclose(x2.grad, [0, 1])


def test_non_contiguous():
    x1 = numpy.linspace(-1, 1, 24).reshape(4, 6)[:, ::2]
    x2 = numpy.zeros((3, 4)).T
    testing.assert_allclose(functions.maximum(x1, x2).array,
                            numpy.maximum(x1, 0))


@pytest.mark.parametrize('x1,x2', [
    (numpy.ones(3, 'f'), numpy.ones(4, 'f')),
    (numpy.ones(3, 'f'), numpy.ones(3, 'd')),
    (numpy.ones(3, 'i'), numpy.ones(3, 'i')),
])
def test_bad_inputs(x1, x2):
    with pytest.raises(type_check.InvalidType):
        functions.maximum(x1, x2)


@attr.gpu
def test_gpu_matches_cpu():
    rng = numpy.random.RandomState(7)
    xs = [rng.uniform(-1, -0.2, (3, 4)), rng.uniform(0.2, 1, (3, 4))]
    func = functions.maximum
    cpu = func(*xs)
    gpu = func(*[cuda.to_gpu(x) for x in xs])
    cpu = cpu if isinstance(cpu, tuple) else (cpu,)
    gpu = gpu if isinstance(gpu, tuple) else (gpu,)
    for c, g in zip(cpu, gpu):
        assert isinstance(g.array, cuda.ndarray)
        testing.assert_allclose(c.array, cuda.to_cpu(g.array), rtol=1e-5)
    gys = tuple(cuda.to_gpu(rng.uniform(-1, 1, c.shape)) for c in cpu)
    gradient_check.check_backward(
        func, tuple(cuda.to_gpu(x) for x in xs),
        gys if len(gys) > 1 else gys[0], atol=1e-4, rtol=1e-4)
