import numpy
import pytest

import chainer
from chainer import functions
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape,axis', [
    ((3, 4), None), ((3, 4), 0), ((3, 4), -1), ((2, 3, 4), (0, 2)),
    ((), None),
])
@pytest.mark.parametrize('keepdims', [False, True])
@pytest.mark.parametrize('with_zeros', [False, True])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(shape, axis, keepdims, with_zeros, dtype,
                          check_forward_and_grads):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(0.5, 1.5, shape) * rng.choice([-1, 1], shape)
    if with_zeros and x.size > 1:
        x.flat[::5] = 0  # some reductions get one zero, some two
    x = numpy.asarray(x).astype(dtype)
    expected = numpy.prod(x.astype(numpy.float64), axis=axis,
                          keepdims=keepdims)
    check_forward_and_grads(
        lambda x: functions.prod(x, axis=axis, keepdims=keepdims), (x,),
        expected, rng)


def test_gradient_with_one_zero():
    x = chainer.Variable(numpy.array([2., 0., 3.]))
    y = functions.prod(x)
    y.backward()
    testing.assert_allclose(x.grad, [0, 6, 0])


def test_non_contiguous():
    x = numpy.linspace(0.5, 1.5, 24).reshape(4, 6)[:, ::2]
    testing.assert_allclose(functions.prod(x, axis=1).array, x.prod(axis=1))


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.prod(numpy.arange(3))
    with pytest.raises(type_check.InvalidType):
        functions.prod(numpy.ones((2, 3), 'f'), axis=2)
    with pytest.raises(ValueError):
        functions.prod(numpy.ones((2, 3), 'f'), axis=(0, -2))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(lambda x: functions.prod(x, axis=1),
                    lambda rng: [rng.uniform(0.5, 1.5, (3, 4))])
