import copy

import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import initializers
from chainer import links
from chainer import testing
from chainer.testing import attr


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('nobias', [False, True])
def test_forward_matches_numpy(dtype, nobias):
    with chainer.using_config('dtype', dtype):
        link = links.Linear(3, 2, nobias=nobias,
                            initial_bias=initializers.Uniform(1))
    x = numpy.random.uniform(-1, 1, (4, 3)).astype(dtype)
    y = link(x)
    assert y.dtype == dtype
    expected = x.astype(numpy.float64) @ link.W.array.T.astype(numpy.float64)
    if not nobias:
        expected += link.b.array
    else:
        assert link.b is None
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(expected, y.array, **tol)


def test_parameters_and_initializers():
    W = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
    link = links.Linear(3, 2, initialW=W, initial_bias=numpy.array(
        [1, 2], numpy.float32))
    numpy.testing.assert_array_equal(link.W.array, W)
    numpy.testing.assert_array_equal(link.b.array, [1, 2])
    assert link.out_size == 2
    assert sorted(n for n, _ in link.namedparams()) == ['/W', '/b']
    default = links.Linear(3, 2)
    numpy.testing.assert_array_equal(default.b.array, [0, 0])
    assert default.W.dtype == numpy.float32
    assert numpy.isfinite(default.W.array).all()


def test_backward_inputs_and_params():
    with chainer.using_config('dtype', numpy.float64):
        link = links.Linear(3, 2, initial_bias=initializers.Uniform(1))
    x = numpy.random.uniform(-1, 1, (4, 3))
    gy = numpy.random.uniform(-1, 1, (4, 2))
    gradient_check.check_backward(link, x, gy, (link.W, link.b),
                                  atol=1e-6, rtol=1e-5)


def test_n_batch_axes():
    link = links.Linear(6, 2)
    x = numpy.random.uniform(-1, 1, (2, 3, 6)).astype(numpy.float32)
    y = link(x, n_batch_axes=2)
    assert y.shape == (2, 3, 2)
    expected = x.reshape(6, 6) @ link.W.array.T + link.b.array
    testing.assert_allclose(expected.reshape(2, 3, 2), y.array, rtol=1e-5)


@pytest.mark.parametrize('args', [(None, 2), (2,)])
def test_lazy_init(args):
    link = links.Linear(*args)
    assert link.W.array is None
    assert link.b.shape == (2,)
    x = numpy.random.uniform(-1, 1, (4, 3, 2)).astype(numpy.float32)
    y = link(x)
    assert link.W.shape == (2, 6)
    testing.assert_allclose(
        x.reshape(4, 6) @ link.W.array.T + link.b.array, y.array,
        rtol=1e-5)


def test_lazy_init_with_n_batch_axes():
    link = links.Linear(5)
    link(numpy.zeros((2, 3, 4), numpy.float32), n_batch_axes=2)
    assert link.W.shape == (5, 4)


def test_serialize_round_trip(save_load):
    src = links.Linear(3, 2, initial_bias=initializers.Uniform(1))
    dst = links.Linear(3, 2)
    entries = save_load(src, dst)
    assert sorted(entries) == ['W', 'b']
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)
    numpy.testing.assert_array_equal(dst.b.array, src.b.array)


def test_load_into_lazy_link(save_load):
    src = links.Linear(3, 2)
    dst = links.Linear(2)
    save_load(src, dst)
    assert dst.W.shape == (2, 3)
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)


def test_copy():
    link = links.Linear(3, 2)
    shared = link.copy()
    assert shared.W.array is link.W.array
    deep = link.copy(mode='copy')
    assert deep.W.array is not link.W.array
    numpy.testing.assert_array_equal(deep.W.array, link.W.array)
    clone = copy.deepcopy(link)
    numpy.testing.assert_array_equal(clone.b.array, link.b.array)


def test_to_cpu_keeps_numpy():
    link = links.Linear(3, 2)
    assert link.to_cpu() is link
    assert isinstance(link.W.array, numpy.ndarray)
    assert link.xp is numpy


def test_bad_input_size():
    link = links.Linear(3, 2)
    with pytest.raises(chainer.utils.type_check.InvalidType):
        link(numpy.zeros((4, 5), numpy.float32))


def test_bad_input_dtype():
    link = links.Linear(3, 2)
    with pytest.raises(chainer.utils.type_check.InvalidType):
        link(numpy.zeros((4, 3), numpy.int32))


@attr.gpu
def test_forward_gpu():
    from chainer.backends import cuda
    link = links.Linear(3, 2)
    x = numpy.random.uniform(-1, 1, (4, 3)).astype(numpy.float32)
    expected = x @ link.W.array.T + link.b.array
    link.to_gpu()
    y = link(cuda.to_gpu(x))
    testing.assert_allclose(expected, cuda.to_cpu(y.array), rtol=1e-5)


@attr.gpu
def test_lazy_init_gpu():
    from chainer.backends import cuda
    link = links.Linear(2).to_gpu()
    y = link(cuda.cupy.zeros((1, 3), numpy.float32))
    assert isinstance(link.W.array, cuda.ndarray)
    assert y.shape == (1, 2)


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.linear')
