import numpy
import pytest
from scipy import special

from chainer import functions
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((3, 4), None), ((3, 4), 0), ((3, 4), -1), ((2, 3, 4), (0, 2)),
    ((), None),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, axis, dtype, check_forward_and_grads):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    expected = special.logsumexp(x.astype(numpy.float64), axis=axis)
    check_forward_and_grads(lambda x: functions.logsumexp(x, axis=axis),
                            (x,), expected, rng)


def test_large_values_are_stable():
    x = numpy.array([[1000., 1000.], [-1000., -1e30]], numpy.float32)
    with numpy.errstate(over='raise', invalid='raise', divide='raise'):
        y = functions.logsumexp(x, axis=1).array
    testing.assert_allclose(y, [1000 + numpy.log(2), -1000], rtol=1e-6)


def test_infinities():
    x = numpy.array([[-numpy.inf, -numpy.inf], [numpy.inf, 0.]])
    with numpy.errstate(divide='ignore', invalid='ignore'):
        y = functions.logsumexp(x, axis=1).array
    assert y[0] == -numpy.inf and y[1] == numpy.inf


def test_non_contiguous():
    x = numpy.linspace(-3, 3, 24).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.logsumexp(x, axis=1).array,
                            special.logsumexp(x, axis=1))


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.logsumexp(numpy.arange(3))
    with pytest.raises(type_check.InvalidType):
        functions.logsumexp(numpy.ones((2, 3), 'f'), axis=2)
    with pytest.raises(TypeError):
        functions.logsumexp(numpy.ones((2, 3), 'f'), axis=[0])


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(lambda x: functions.logsumexp(x, axis=1),
                    lambda rng: [rng.uniform(-1, 1, (3, 4))])


def test_float16_many_terms_do_not_overflow():
    x = numpy.zeros(100000, numpy.float16)
    y = functions.logsumexp(x).array
    assert y.dtype == numpy.float16
    testing.assert_allclose(y, numpy.log(100000.), rtol=1e-3)
