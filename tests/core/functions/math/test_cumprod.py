import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((3, 4), None), ((3, 4), 0), ((3, 4), 1), ((2, 3, 4), -2), ((), None),
    ((0, 3), 1),
])
@pytest.mark.parametrize('with_zeros', [False, True])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, axis, with_zeros, dtype,
                          check_forward_and_grads):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(0.5, 1.5, shape) * rng.choice([-1, 1], shape)
    if with_zeros and x.size:
        x.flat[::3] = 0  # gradients must not divide by x
    x = numpy.asarray(x).astype(dtype)
    expected = numpy.cumprod(x.astype(numpy.float64), axis=axis)
    check_forward_and_grads(lambda x: functions.cumprod(x, axis=axis), (x,),
                            expected, rng)


def test_gradient_with_zero_entry():
    # y = (a, ab, abc); dL/db with gy = 1 is a + ac, even where b = 0.
    import chainer
    x = chainer.Variable(numpy.array([2., 0., 3.]))
    y = functions.cumprod(x)
    y.grad = numpy.ones(3)
    y.backward()
    testing.assert_allclose(x.grad, [1 + 0 + 0, 2 + 2 * 3, 0])


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.cumprod(numpy.arange(3))
    with pytest.raises(type_check.InvalidType):
        functions.cumprod(numpy.ones((2, 3), 'f'), axis=-3)
    with pytest.raises(TypeError):
        functions.cumprod(numpy.ones((2, 3), 'f'), axis=1.0)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(lambda x: functions.cumprod(x, axis=1),
                    lambda rng: [rng.uniform(0.5, 1.5, (3, 4))])


def test_non_contiguous():
    x = numpy.linspace(0.5, 1.5, 24).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.cumprod(x, axis=1).array,
                            numpy.cumprod(x, axis=1))
