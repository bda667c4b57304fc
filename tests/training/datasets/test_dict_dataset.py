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


def test_index_array_goes_to_each_dataset():
    # v5 turns only slices into a list of examples; an index array is
    # passed to every dataset and the results stay in one dictionary.
    ds = DictDataset(x=numpy.arange(4) * 2, y=numpy.arange(4) + 10)
    batch = ds[numpy.array([3, 0])]
    assert isinstance(batch, dict) and sorted(batch) == ['x', 'y']
    numpy.testing.assert_array_equal(batch['x'], [6, 0])
    numpy.testing.assert_array_equal(batch['y'], [13, 10])
