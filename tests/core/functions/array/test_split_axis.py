import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape,ios,axis', [
    ((2, 7, 3), [2, 6], 1),
    ((2, 7, 3), numpy.array([1, 3]), 1),
    ((6, 4), 3, 0),
    ((6, 4), 2, -1),
    ((6, 4), [], 1),
    ((6, 4), 1, 0),
    ((4,), [1], 0),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, ios, axis, dtype):
    rng = numpy.random.RandomState(8)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    ys = functions.split_axis(x, ios, axis)
    expected = numpy.split(x, ios, axis)
    assert isinstance(ys, tuple)
    assert len(ys) == len(expected)
    for y, e in zip(ys, expected):
        assert y.dtype == dtype
        testing.assert_allclose(y.array, e, atol=0, rtol=0)
    gys = [rng.uniform(-1, 1, e.shape).astype(dtype) for e in expected]
    ggx = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.split_axis(x, ios, axis)
    gradient_check.check_backward(f, x, gys, dtype=numpy.float64)
    gradient_check.check_double_backward(
        f, x, gys, ggx, dtype=numpy.float64)


def test_unused_outputs_get_zero_gradient():
    x = chainer.Variable(numpy.arange(6.).reshape(2, 3))
    a, b, c = functions.split_axis(x, 3, 1)
    b.grad = numpy.ones((2, 1))
    b.backward()
    testing.assert_allclose(x.grad, [[0, 1, 0], [0, 1, 0]])


def test_force_tuple_false():
    x = numpy.zeros((2, 3), numpy.float32)
    y = functions.split_axis(x, 1, 1, force_tuple=False)
    assert isinstance(y, chainer.Variable)
    assert y.shape == (2, 3)
    ys = functions.split_axis(x, 3, 1, force_tuple=False)
    assert isinstance(ys, tuple) and len(ys) == 3


def test_sections_not_dividing():
    with pytest.raises(type_check.InvalidType):
        functions.split_axis(numpy.zeros((2, 5), numpy.float32), 2, 1)


def test_index_out_of_range():
    with pytest.raises(type_check.InvalidType):
        functions.split_axis(numpy.zeros((2, 5), numpy.float32), [2, 7], 1)


def test_bad_axis():
    with pytest.raises(type_check.InvalidType):
        functions.split_axis(numpy.zeros((2, 5), numpy.float32), 1, 2)


def test_empty_piece():
    x = chainer.Variable(numpy.arange(10.).reshape(2, 5))
    a, b, c = functions.split_axis(x, [0, 2], 1)
    assert a.shape == (2, 0)
    testing.assert_allclose(c.array, x.array[:, 2:])
    c.grad = numpy.ones((2, 3))
    c.backward()
    testing.assert_allclose(x.grad, [[0, 0, 1, 1, 1]] * 2)


def test_bad_type():
    with pytest.raises(TypeError):
        functions.split_axis(numpy.zeros((2, 4), numpy.float32), 1.5, 1)


def test_unsorted_in_debug():
    with chainer.using_config('debug', True):
        with pytest.raises(ValueError):
            functions.split_axis(
                numpy.zeros((2, 5), numpy.float32), [3, 1], 1)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (3, 4)).astype(numpy.float32)]

    def f(*xs):
        x, = xs
        return functions.split_axis(x, [1, 3], 1)
    gpu_matches_cpu(f, inputs, rng)
