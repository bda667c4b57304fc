import numpy
import pytest

from chainer.backends import cuda
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


def _matrices(shape, dtype, seed=0):
    rng = numpy.random.RandomState(seed)
    a = rng.uniform(-0.3, 0.3, shape) + numpy.eye(shape[-1])
    return a.astype(dtype)


@pytest.mark.parametrize('func,shape', [
    (functions.inv, (3, 3)), (functions.inv, (1, 1)),
    (functions.batch_inv, (2, 3, 3)), (functions.batch_inv, (1, 2, 2)),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(func, shape, dtype):
    a = _matrices(shape, dtype)
    y = func(a)
    assert y.dtype == dtype and y.shape == shape
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, numpy.linalg.inv(a.astype('d')), **tol)
    rng = numpy.random.RandomState(1)
    gy, gga = (rng.uniform(-1, 1, shape).astype(dtype) for _ in range(2))
    opts = dict(dtype=numpy.float64, atol=1e-3, rtol=1e-3)
    gradient_check.check_backward(func, a, gy, **opts)
    gradient_check.check_double_backward(func, a, gy, gga, **opts)


def test_product_is_identity():
    a = _matrices((4, 4), numpy.float64, seed=3)
    testing.assert_allclose(a.dot(functions.inv(a).array), numpy.eye(4),
                            atol=1e-12)


def test_non_contiguous():
    a = _matrices((6, 6), numpy.float64)[::2, ::2]
    assert not a.flags.c_contiguous
    testing.assert_allclose(functions.inv(a).array, numpy.linalg.inv(a))


@pytest.mark.parametrize('func,a', [
    (functions.inv, numpy.array([[1., 2.], [2., 4.]], 'f')),
    (functions.batch_inv, numpy.zeros((2, 2, 2), 'f')),
])
def test_singular(func, a):
    with pytest.raises(ValueError):
        func(a)


@pytest.mark.parametrize('func,a', [
    (functions.inv, numpy.ones((3, 2), 'f')),
    (functions.inv, numpy.ones((2, 2, 2), 'f')),
    (functions.inv, numpy.ones((2, 2), 'i')),
    (functions.batch_inv, numpy.ones((3, 3), 'f')),
    (functions.batch_inv, numpy.ones((2, 3, 2), 'f')),
])
def test_bad_inputs(func, a):
    with pytest.raises(type_check.InvalidType):
        func(a)


@attr.gpu
def test_gpu_matches_cpu():
    rng = numpy.random.RandomState(7)
    xs = [rng.uniform(-0.3, 0.3, (2, 3, 3)) + numpy.eye(3)]
    func = functions.batch_inv
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
