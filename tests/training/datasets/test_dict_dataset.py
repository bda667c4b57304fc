import numpy
import pytest

from chainer.datasets import DictDataset


def test_indexing():
    ds = DictDataset(x=numpy.arange(3), y=['a', 'b', 'c'])
    assert len(ds) == 3
    assert ds[2] == {'x': 2, 'y': 'c'}
    assert ds[:2] == [{'x': 0, 'y': 'a'}, {'x': 1, 'y': 'b'}]


def test_errors():
    with pytest.raises(ValueError):
        DictDataset()
    with pytest.raises(ValueError):
        DictDataset(x=[1, 2], y=[1])
