import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('lengths', [[4, 2, 1], [3, 3], [2], [2, 0]])
@pytest.mark.parametrize('tail', [(), (2,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(lengths, tail, dtype):
    rng = numpy.random.RandomState(44)
    xs = [rng.uniform(-1, 1, (n,) + tail).astype(dtype) for n in lengths]
    ys = functions.transpose_sequence(xs)
    assert isinstance(ys, tuple)
    assert len(ys) == lengths[0]
    for t, y in enumerate(ys):
        expected = numpy.array([x[t] for x in xs if len(x) > t])
        assert y.dtype == dtype
        testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gys = [rng.uniform(-1, 1, y.shape).astype(dtype) for y in ys]
    ggxs = [rng.uniform(-1, 1, x.shape).astype(dtype) for x in xs]

    def f(*xs):
        return functions.transpose_sequence(xs)
    gradient_check.check_backward(f, xs, gys, dtype=numpy.float64)
    gradient_check.check_double_backward(
        f, xs, gys, ggxs, dtype=numpy.float64)


def test_example():
    lst = [numpy.array([1, 1, 1]), numpy.array([2, 2]), numpy.array([3])]
    ys = functions.transpose_sequence(lst)
    assert [y.array.tolist() for y in ys] == [[1, 2, 3], [1, 2], [1]]


def test_empty():
    assert functions.transpose_sequence([]) == ()


def test_unsorted():
    with pytest.raises(type_check.InvalidType):
        functions.transpose_sequence([numpy.zeros(1, 'f'),
                                      numpy.zeros(2, 'f')])
