import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, dtype):
    rng = numpy.random.RandomState(0)
    p = rng.uniform(0, 1, shape).astype(dtype)
    x, y, gz, ggp, ggx, ggy = (rng.uniform(-1, 1, shape).astype(dtype)
                               for _ in range(6))
    z = functions.linear_interpolate(p, x, y)
    assert z.dtype == dtype and z.shape == shape
    p64 = p.astype(numpy.float64)
    tol = {'atol': 1e-3, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(z.array, p64 * x + (1 - p64) * y, **tol)
    gradient_check.check_backward(functions.linear_interpolate, (p, x, y),
                                  gz, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(
        functions.linear_interpolate, (p, x, y), gz, (ggp, ggx, ggy),
        dtype=numpy.float64, **tol)


def test_inputs_not_modified():
    p, x, y = (numpy.full(3, v, numpy.float32) for v in (0.25, 4., 8.))
    z = functions.linear_interpolate(p, x, y)
    testing.assert_allclose(z.array, [7, 7, 7])
    testing.assert_allclose(x, [4, 4, 4])


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.linear_interpolate(
            numpy.ones(3, 'f'), numpy.ones(3, 'f'), numpy.ones(4, 'f'))
    with pytest.raises(type_check.InvalidType):
        functions.linear_interpolate(
            numpy.ones(3, 'f'), numpy.ones(3, 'd'), numpy.ones(3, 'f'))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(
        functions.linear_interpolate,
        lambda rng: [rng.uniform(0, 1, (3, 4)), rng.uniform(-1, 1, (3, 4)),
                     rng.uniform(-1, 1, (3, 4))])
