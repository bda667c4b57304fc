import numpy
import pytest

from chainer.backends import cuda
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('a_shape,b_shape,axes', [
    ((3, 4, 2), (4, 2, 5), 2),
    ((3, 4), (4, 5), 1),
    ((3,), (2,), 0),
    ((3, 4, 2), (2, 3, 5), ([0, 2], [1, 0])),
    ((3, 4, 2), (2, 3, 5), ((2, 0), (0, 1))),
    ((3, 4), (5, 4), (1, 1)),
    ((2, 3), (2, 3), ([-1, 0], [-1, 0])),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(a_shape, b_shape, axes, dtype):
    rng = numpy.random.RandomState(0)
    a = rng.uniform(-1, 1, a_shape).astype(dtype)
    b = rng.uniform(-1, 1, b_shape).astype(dtype)
    y = functions.tensordot(a, b, axes=axes)
    expected = numpy.tensordot(a.astype('d'), b.astype('d'), axes=axes)
    assert y.dtype == dtype and y.shape == expected.shape
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    gga = rng.uniform(-1, 1, a_shape).astype(dtype)
    ggb = rng.uniform(-1, 1, b_shape).astype(dtype)

    def f(a, b):
        return functions.tensordot(a, b, axes=axes)
    opts = dict(dtype=numpy.float64, atol=1e-3, rtol=1e-3)
    gradient_check.check_backward(f, (a, b), gy, **opts)
    gradient_check.check_double_backward(f, (a, b), gy, (gga, ggb), **opts)


def test_docstring_example():
    a = numpy.random.rand(5, 3, 2)
    b = numpy.random.rand(3, 2, 4)
    assert functions.tensordot(a, b, axes=2).shape == (5, 4)


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.tensordot(numpy.ones((3, 4), 'f'), numpy.ones((3, 4), 'f'),
                            axes=1)
    with pytest.raises(type_check.InvalidType):
        functions.tensordot(numpy.ones((3, 4), 'i'), numpy.ones((4, 2), 'i'),
                            axes=1)
    with pytest.raises(ValueError):
        functions.tensordot(numpy.ones((3, 4), 'f'), numpy.ones((4, 2), 'f'),
                            axes=([1], [0, 1]))


@attr.gpu
def test_gpu_matches_cpu():
    rng = numpy.random.RandomState(7)
    xs = [rng.uniform(-1, 1, (3, 4)), rng.uniform(-1, 1, (4, 2))]
    func = lambda a, b: functions.tensordot(a, b, axes=1)
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


def test_non_contiguous():
    a = numpy.arange(24, dtype=numpy.float32).reshape(4, 6)[:, ::2]
    b = numpy.arange(12, dtype=numpy.float32).reshape(4, 3).T
    testing.assert_allclose(functions.tensordot(a, b, axes=1).array,
                            a.dot(b))
