import numpy
import pytest

from chainer import dataset


class _Squares(dataset.DatasetMixin):

    def __init__(self, n):
        self.n = n
        self.calls = []

    def __len__(self):
        return self.n

    def get_example(self, i):
        self.calls.append(i)
        if not -self.n <= i < self.n:
            raise IndexError(i)
        return i * i


def test_int():
    ds = _Squares(6)
    assert ds[3] == 9
    assert ds.calls == [3]


@pytest.mark.parametrize('index,expected', [
    (slice(1, 4), [1, 4, 9]),
    (slice(None, None, 2), [0, 4, 16]),
    (slice(None, None, -2), [25, 9, 1]),
    (slice(-2, None), [16, 25]),
    (slice(3, 100), [9, 16, 25]),
    (slice(4, 1), []),
])
def test_slice(index, expected):
    assert _Squares(6)[index] == expected


@pytest.mark.parametrize('index', [
    [4, 0, 4], numpy.array([4, 0, 4]), numpy.array([4, 0, 4], numpy.int32),
])
def test_index_sequence(index):
    assert _Squares(6)[index] == [16, 0, 16]


def test_numpy_int_scalar():
    assert _Squares(6)[numpy.int64(2)] == 4


def test_iteration_stops_at_index_error():
    assert list(_Squares(4)) == [0, 1, 4, 9]


def test_index_error():
    with pytest.raises(IndexError):
        _Squares(3)[5]


def test_abstract():
    ds = dataset.DatasetMixin()
    with pytest.raises(NotImplementedError):
        len(ds)
    with pytest.raises(NotImplementedError):
        ds.get_example(0)
