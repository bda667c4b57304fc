import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((3, 4), None), ((3, 4), 0), ((3, 4), -1), ((2, 3, 4), (0, 2)),
    ((), None),
])
@pytest.mark.parametrize('keepdims', [False, True])
@pytest.mark.parametrize('with_zeros', [False, True])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, axis, keepdims, with_zeros, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(0.5, 1.5, shape) * rng.choice([-1, 1], shape)
    if with_zeros and x.size > 1:
        x.flat[::5] = 0  # some reductions get one zero, some two
    x = numpy.asarray(x).astype(dtype)
    y = functions.prod(x, axis=axis, keepdims=keepdims)
    expected = numpy.prod(x.astype(numpy.float64), axis=axis,
                          keepdims=keepdims)
    assert y.dtype == dtype and y.shape == expected.shape
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.prod(x, axis=axis, keepdims=keepdims)
    opts = dict(dtype=numpy.float64, atol=1e-3, rtol=1e-3)
    gradient_check.check_backward(f, x, gy, **opts)
    gradient_check.check_double_backward(f, x, gy, ggx, **opts)


def test_gradient_with_one_zero():
    x = chainer.Variable(numpy.array([2., 0., 3.]))
    y = functions.prod(x)
    y.backward()
    testing.assert_allclose(x.grad, [0, 6, 0])


def test_non_contiguous():
    x = numpy.linspace(0.5, 1.5, 24).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.prod(x, axis=1).array, x.prod(axis=1))


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.prod(numpy.arange(3))
    with pytest.raises(type_check.InvalidType):
        functions.prod(numpy.ones((2, 3), 'f'), axis=2)
    with pytest.raises(ValueError):
        functions.prod(numpy.ones((2, 3), 'f'), axis=(0, -2))


@attr.gpu
def test_gpu_matches_cpu():
    rng = numpy.random.RandomState(7)
    xs = [rng.uniform(0.5, 1.5, (3, 4))]
    func = lambda x: functions.prod(x, axis=1)
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
