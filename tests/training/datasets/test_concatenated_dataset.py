import pytest

from chainer.datasets import ConcatenatedDataset


def test_concatenation():
    ds = ConcatenatedDataset([0, 1], [], [2, 3, 4])
    assert len(ds) == 5
    assert [ds[i] for i in range(5)] == [0, 1, 2, 3, 4]
    assert ds[1:4] == [1, 2, 3]
    assert ds[-2] == 3
    with pytest.raises(IndexError):
        ds[5]
    with pytest.raises(IndexError):
        ds[-6]
    assert len(ConcatenatedDataset()) == 0
