import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


def _matrices(shape, dtype, seed=0):
    rng = numpy.random.RandomState(seed)
    # Well-conditioned: the identity plus a small perturbation.
    a = rng.uniform(-0.3, 0.3, shape) + numpy.eye(shape[-1])
    return a.astype(dtype)


@pytest.mark.parametrize('shape', [(3, 3, 3), (1, 2, 2), (4, 1, 1)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_batch_det(shape, dtype, check_forward_and_grads):
    a = _matrices(shape, dtype)
    expected = numpy.linalg.det(a.astype('d'))
    assert expected.shape == shape[:1]
    check_forward_and_grads(functions.batch_det, (a,), expected,
                            numpy.random.RandomState(1))


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_det(dtype):
    a = _matrices((3, 3), dtype)
    y = functions.det(a)
    assert y.dtype == dtype and y.shape == ()
    testing.assert_allclose(y.array, numpy.linalg.det(a), rtol=1e-5)
    rng = numpy.random.RandomState(1)
    gy = numpy.asarray(rng.uniform(-1, 1), dtype)
    gga = rng.uniform(-1, 1, (3, 3)).astype(dtype)
    opts = dict(dtype=numpy.float64, atol=1e-3, rtol=1e-3)
    gradient_check.check_backward(functions.det, a, gy, **opts)
    gradient_check.check_double_backward(functions.det, a, gy, gga, **opts)


def test_singular_matrix_has_zero_det():
    a = numpy.array([[1., 2.], [2., 4.]], numpy.float32)
    testing.assert_allclose(functions.det(a).array, 0., atol=1e-6)


def test_non_contiguous():
    a = _matrices((6, 6), numpy.float64)[::2, ::2]
    assert not a.flags.c_contiguous
    testing.assert_allclose(functions.det(a).array, numpy.linalg.det(a))


@pytest.mark.parametrize('func,a', [
    (functions.batch_det, numpy.ones((2, 3, 2), 'f')),
    (functions.batch_det, numpy.ones((3, 3), 'f')),
    (functions.batch_det, numpy.ones((2, 2, 2), 'i')),
    (functions.det, numpy.ones((3, 2), 'f')),
    (functions.det, numpy.ones((2, 2, 2), 'f')),
])
def test_bad_inputs(func, a):
    with pytest.raises(type_check.InvalidType):
        func(a)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(
        functions.batch_det,
        lambda rng: [rng.uniform(-0.3, 0.3, (2, 3, 3)) + numpy.eye(3)])
