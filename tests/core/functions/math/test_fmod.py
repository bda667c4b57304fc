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
    x = rng.uniform(-5, 5, shape).astype(dtype)
    d = rng.uniform(0.6, 0.9, shape).astype(dtype)
    d *= numpy.where(rng.rand(*shape) < 0.5, -1, 1).astype(dtype)
    # Keep x / d away from integers, where fmod jumps.
    frac = numpy.abs(numpy.fmod(x / d, 1))
    x[(frac < 0.1) | (frac > 0.9)] = 0.5 * d[(frac < 0.1) | (frac > 0.9)]
    y = functions.fmod(x, d)
    assert y.dtype == dtype and y.shape == shape
    testing.assert_allclose(y.array, numpy.fmod(x, d))
    gy, ggx, ggd = (rng.uniform(-1, 1, shape).astype(dtype)
                    for _ in range(3))
    opts = {'eps': 1e-3, 'dtype': numpy.float64}
    if dtype == numpy.float16:
        opts.update(eps=2 ** -8, atol=1e-3, rtol=1e-2)
    gradient_check.check_backward(functions.fmod, (x, d), gy, **opts)
    gradient_check.check_double_backward(
        functions.fmod, (x, d), gy, (ggx, ggd), **opts)


def test_sign_follows_dividend():
    x = numpy.array([5., -5., 5., -5.], numpy.float32)
    d = numpy.array([3., 3., -3., -3.], numpy.float32)
    testing.assert_allclose(functions.fmod(x, d).array, [2, -2, 2, -2])


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.fmod(numpy.arange(3), numpy.arange(1, 4))
    with pytest.raises(type_check.InvalidType):
        functions.fmod(numpy.ones(3, 'f'), numpy.ones(3, 'd'))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(
        functions.fmod,
        lambda rng: [rng.uniform(2.1, 2.9, (3, 4)), rng.uniform(1, 1, (3, 4))])
