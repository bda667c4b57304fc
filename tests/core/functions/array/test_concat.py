import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shapes,axis', [
    ([(2, 3), (2, 1), (2, 4)], 1),
    ([(2, 3), (1, 3)], 0),
    ([(2, 3, 4), (2, 3, 1)], -1),
    ([(2, 3, 4), (2, 3, 4)], -2),
    ([(3,)], 0),
    ([(2, 0), (2, 3)], 1),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shapes, axis, dtype):
    rng = numpy.random.RandomState(7)
    xs = [rng.uniform(-1, 1, s).astype(dtype) for s in shapes]
    y = functions.concat(xs, axis)
    expected = numpy.concatenate(xs, axis)
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggxs = [rng.uniform(-1, 1, s).astype(dtype) for s in shapes]

    def f(*xs):
        return functions.concat(xs, axis)
    gradient_check.check_backward(f, xs, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(
        f, xs, gy, ggxs, dtype=numpy.float64)


def test_non_contiguous():
    a = numpy.arange(12.).reshape(3, 4)[:, ::2]
    b = numpy.asfortranarray(numpy.ones((3, 2)))
    y = functions.concat((a, b), axis=1)
    testing.assert_allclose(y.array, numpy.concatenate((a, b), 1))


def test_integer_arrays():
    x = numpy.arange(0, 12).reshape(3, 4)
    y = numpy.arange(0, 3).reshape(3, 1)
    z = functions.concat((x, y), axis=1)
    numpy.testing.assert_array_equal(z.array, numpy.concatenate((x, y), 1))


@pytest.mark.parametrize('shapes,dtypes,axis', [
    ([(2, 3), (3, 3)], ['f', 'f'], 1),
    ([(2, 3), (2, 3, 1)], ['f', 'f'], 1),
    ([(2, 3), (2, 3)], ['f', 'd'], 1),
    ([(2, 3), (2, 3)], ['f', 'f'], 2),
    ([(2, 3), (2, 3)], ['f', 'f'], -3),
])
def test_invalid(shapes, dtypes, axis):
    xs = [numpy.zeros(s, d) for s, d in zip(shapes, dtypes)]
    with pytest.raises(type_check.InvalidType):
        functions.concat(xs, axis)


def test_empty_list():
    with pytest.raises(type_check.InvalidType):
        functions.concat([], 1)


@attr.gpu
def test_gpu_matches_cpu():
    from chainer.backends import cuda
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (3, 4)).astype(numpy.float32),
              rng.uniform(-1, 1, (3, 2)).astype(numpy.float32)]

    def f(*xs):
        a, b = xs
        return functions.concat((a, b), 1)
    ys = f(*inputs)
    ys = ys if isinstance(ys, tuple) else (ys,)
    gpu_inputs = [cuda.to_gpu(x) for x in inputs]
    ys_gpu = f(*gpu_inputs)
    ys_gpu = ys_gpu if isinstance(ys_gpu, tuple) else (ys_gpu,)
    for y, y_gpu in zip(ys, ys_gpu):
        assert isinstance(y_gpu.array, cuda.ndarray)
        testing.assert_allclose(y.array, cuda.to_cpu(y_gpu.array),
                                atol=1e-5, rtol=1e-4)
    gys = [cuda.to_gpu(rng.uniform(-1, 1, y.shape).astype(y.dtype))
           for y in ys]
    gradient_check.check_backward(f, gpu_inputs, gys, dtype=numpy.float64,
                                  atol=1e-3, rtol=1e-3)
