import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('lengths,length,padding', [
    ([3, 1, 2], None, 0), ([3, 1, 2], 5, -1.5), ([2, 2], None, 0),
    ([0, 2], None, 1),
])
@pytest.mark.parametrize('tail', [(), (2,)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(lengths, length, padding, tail, dtype):
    rng = numpy.random.RandomState(29)
    xs = [rng.uniform(-1, 1, (n,) + tail).astype(dtype) for n in lengths]
    y = functions.pad_sequence(xs, length, padding)
    max_len = max(lengths) if length is None else length
    expected = numpy.full((len(xs), max_len) + tail, padding, dtype)
    for i, x in enumerate(xs):
        expected[i, :len(x)] = x
    assert y.dtype == dtype
    testing.assert_allclose(y.array, expected, atol=0, rtol=0)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggxs = [rng.uniform(-1, 1, x.shape).astype(dtype) for x in xs]

    def f(*xs):
        return functions.pad_sequence(xs, length, padding)
    gradient_check.check_backward(f, xs, gy, dtype=numpy.float64)
    gradient_check.check_double_backward(
        f, xs, gy, ggxs, dtype=numpy.float64)


def test_integer_arrays():
    xs = [numpy.array([1, 2, 3]), numpy.array([4])]
    y = functions.pad_sequence(xs, padding=-1)
    numpy.testing.assert_array_equal(y.array, [[1, 2, 3], [4, -1, -1]])


def test_too_long():
    with pytest.raises(type_check.InvalidType):
        functions.pad_sequence([numpy.zeros(3, 'f')], length=2)


def test_mismatched_tail():
    with pytest.raises(type_check.InvalidType):
        functions.pad_sequence([numpy.zeros((3, 2), 'f'),
                                numpy.zeros((3, 1), 'f')])
