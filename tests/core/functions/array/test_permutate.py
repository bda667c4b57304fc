import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [((4, 3), 0), ((2, 4), 1),
                                        ((2, 3, 4), -1), ((4,), 0)])
@pytest.mark.parametrize('inv', [False, True])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, axis, inv, dtype):
    rng = numpy.random.RandomState(30)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    indices = rng.permutation(shape[axis]).astype(numpy.int32)
    y = functions.permutate(x, indices, axis=axis, inv=inv)
    expected = numpy.empty_like(x)
    out = numpy.moveaxis(expected, axis, 0)
    inp = numpy.moveaxis(x, axis, 0)
    for i, j in enumerate(indices):
        src, dst = (i, j) if inv else (j, i)
        out[dst] = inp[src]
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.permutate(x, indices, axis=axis, inv=inv)
    gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(f, x, gy, ggx, dtype=numpy.float64)


def test_variable_indices():
    x = numpy.arange(6).reshape((3, 2)).astype(numpy.float32)
    ind = chainer.Variable(numpy.array([2, 0, 1], numpy.int32))
    testing.assert_allclose(functions.permutate(x, ind).array,
                            [[4, 5], [0, 1], [2, 3]])


def test_not_a_permutation_in_debug():
    x = numpy.zeros((3, 2), numpy.float32)
    with chainer.using_config('debug', True):
        with pytest.raises(ValueError):
            functions.permutate(x, numpy.array([0, 0, 1], numpy.int32))


@pytest.mark.parametrize('indices', [
    numpy.array([0, 1], numpy.int32),
    numpy.array([0., 1., 2.], numpy.float32),
    numpy.array([[0, 1, 2]], numpy.int32),
])
def test_bad_indices(indices):
    with pytest.raises(type_check.InvalidType):
        functions.permutate(numpy.zeros((3, 2), numpy.float32), indices)
