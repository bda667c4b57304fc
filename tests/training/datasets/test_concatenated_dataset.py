import numpy
import pytest

from chainer.datasets import ConcatenatedDataset


def test_concatenation():
    ds = ConcatenatedDataset([0, 1], [], [2, 3, 4])
    assert len(ds) == 5
    assert [ds[i] for i in range(5)] == [0, 1, 2, 3, 4]
    assert ds[1:4] == [1, 2, 3]
    with pytest.raises(IndexError):
        ds[5]
    assert len(ConcatenatedDataset()) == 0


def test_negative_index_raises_as_in_v5():
    # v5's get_example rejects any negative index instead of counting from
    # the end; only slices (resolved by DatasetMixin) accept negative
    # bounds.
    ds = ConcatenatedDataset([0, 1], [2, 3, 4])
    for i in (-1, -2, -5, -6):
        with pytest.raises(IndexError):
            ds[i]
    with pytest.raises(IndexError):
        ds[numpy.int64(-1)]
    whole = [0, 1] + [2, 3, 4]
    assert ds[-2:] == whole[-2:]
    assert ds[::-2] == whole[::-2]
    assert ds[numpy.array([4, 0])] == [whole[4], whole[0]]
