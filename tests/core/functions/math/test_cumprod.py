import numpy
import pytest

from chainer.backends import cuda
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((3, 4), None), ((3, 4), 0), ((3, 4), 1), ((2, 3, 4), -2), ((), None),
    ((0, 3), 1),
])
@pytest.mark.parametrize('with_zeros', [False, True])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, axis, with_zeros, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(0.5, 1.5, shape) * rng.choice([-1, 1], shape)
    if with_zeros and x.size:
        x.flat[::3] = 0  # gradients must not divide by x
    x = numpy.asarray(x).astype(dtype)
    y = functions.cumprod(x, axis=axis)
    expected = numpy.cumprod(x.astype(numpy.float64), axis=axis)
    assert y.dtype == dtype and y.shape == expected.shape
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.cumprod(x, axis=axis)
    opts = dict(dtype=numpy.float64, atol=1e-3, rtol=1e-3)
    gradient_check.check_backward(f, x, gy, **opts)
    gradient_check.check_double_backward(f, x, gy, ggx, **opts)


def test_gradient_with_zero_entry():
    # y = (a, ab, abc); dL/db with gy = 1 is a + ac, even where b = 0.
    import chainer
    x = chainer.Variable(numpy.array([2., 0., 3.]))
    y = functions.cumprod(x)
    y.grad = numpy.ones(3)
    y.backward()
    testing.assert_allclose(x.grad, [1 + 0 + 0, 2 + 2 * 3, 0])


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.cumprod(numpy.arange(3))
    with pytest.raises(type_check.InvalidType):
        functions.cumprod(numpy.ones((2, 3), 'f'), axis=-3)
    with pytest.raises(TypeError):
        functions.cumprod(numpy.ones((2, 3), 'f'), axis=1.0)


@attr.gpu
def test_gpu_matches_cpu():
    rng = numpy.random.RandomState(7)
    xs = [rng.uniform(0.5, 1.5, (3, 4))]
    func = lambda x: functions.cumprod(x, axis=1)
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
    x = numpy.linspace(0.5, 1.5, 24).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.cumprod(x, axis=1).array,
                            numpy.cumprod(x, axis=1))
