import numpy
import pytest

from chainer import functions
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
def test_forward_backward(check_forward_and_grads, shapes, axis, dtype):
    rng = numpy.random.RandomState(7)
    xs = tuple(rng.uniform(-1, 1, s).astype(dtype) for s in shapes)

    def f(*xs):
        return functions.concat(xs, axis)
    check_forward_and_grads(f, xs, numpy.concatenate(xs, axis), rng)


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
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (3, 4)).astype(numpy.float32),
              rng.uniform(-1, 1, (3, 2)).astype(numpy.float32)]

    def f(*xs):
        a, b = xs
        return functions.concat((a, b), 1)
    gpu_matches_cpu(f, inputs, rng)
