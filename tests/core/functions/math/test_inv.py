import numpy
import pytest

from chainer import functions
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
def test_forward_backward(func, shape, dtype, check_forward_and_grads):
    a = _matrices(shape, dtype)
    check_forward_and_grads(func, (a,), numpy.linalg.inv(a.astype('d')),
                            numpy.random.RandomState(1))


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
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(
        functions.batch_inv,
        lambda rng: [rng.uniform(-0.3, 0.3, (2, 3, 3)) + numpy.eye(3)])
