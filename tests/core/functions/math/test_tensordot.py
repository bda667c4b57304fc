import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('a_shape,b_shape,axes', [
    ((3, 4, 2), (4, 2, 5), 2),
    ((3, 4), (4, 5), 1),
    ((3,), (2,), 0),
    ((3, 4, 2), (2, 3, 5), ([0, 2], [1, 0])),
    ((3, 4, 2), (2, 3, 5), ((2, 0), (0, 1))),
    ((3, 4), (5, 4), (1, 1)),
    ((2, 3), (2, 3), ([-1, 0], [-1, 0])),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(a_shape, b_shape, axes, dtype,
                          check_forward_and_grads):
    rng = numpy.random.RandomState(0)
    a = rng.uniform(-1, 1, a_shape).astype(dtype)
    b = rng.uniform(-1, 1, b_shape).astype(dtype)
    expected = numpy.tensordot(a.astype('d'), b.astype('d'), axes=axes)
    check_forward_and_grads(
        lambda a, b: functions.tensordot(a, b, axes=axes), (a, b), expected,
        rng)


def test_docstring_example():
    a = numpy.random.rand(5, 3, 2)
    b = numpy.random.rand(3, 2, 4)
    assert functions.tensordot(a, b, axes=2).shape == (5, 4)


def test_bad_inputs():
    with pytest.raises(type_check.InvalidType):
        functions.tensordot(numpy.ones((3, 4), 'f'), numpy.ones((3, 4), 'f'),
                            axes=1)
    with pytest.raises(type_check.InvalidType):
        functions.tensordot(numpy.ones((3, 4), 'i'), numpy.ones((4, 2), 'i'),
                            axes=1)
    with pytest.raises(ValueError):
        functions.tensordot(numpy.ones((3, 4), 'f'), numpy.ones((4, 2), 'f'),
                            axes=([1], [0, 1]))


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(
        lambda a, b: functions.tensordot(a, b, axes=1),
        lambda rng: [rng.uniform(-1, 1, (3, 4)), rng.uniform(-1, 1, (4, 2))])


def test_non_contiguous():
    a = numpy.arange(24, dtype=numpy.float32).reshape(4, 6)[:, ::2]
    b = numpy.arange(12, dtype=numpy.float32).reshape(4, 3).T
    testing.assert_allclose(functions.tensordot(a, b, axes=1).array,
                            a.dot(b))
