import numpy
import pytest

from chainer import initializer


class _Fill(initializer.Initializer):

    def __call__(self, array):
        self._check_dtype(array)
        array[...] = 3


def test_base_is_abstract():
    with pytest.raises(NotImplementedError):
        initializer.Initializer()(numpy.empty(3))


def test_base_keeps_dtype():
    assert initializer.Initializer().dtype is None
    assert initializer.Initializer('f').dtype == 'f'


def test_dtype_check():
    a = numpy.empty(3, numpy.float32)
    _Fill(numpy.float32)(a)
    numpy.testing.assert_array_equal(a, [3, 3, 3])
    with pytest.raises(AssertionError):
        _Fill(numpy.float64)(a)


@pytest.mark.parametrize('shape,expected', [
    ((2, 3), (3, 2)),
    ((4, 3, 5), (15, 20)),
    ((4, 3, 2, 5), (30, 40)),
    ((1, 1, 1), (1, 1)),
])
def test_get_fans(shape, expected):
    assert initializer.get_fans(shape) == expected


@pytest.mark.parametrize('shape', [(), (3,), [2, 3]])
def test_get_fans_invalid(shape):
    with pytest.raises(ValueError):
        initializer.get_fans(shape)
