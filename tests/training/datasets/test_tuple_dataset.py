import numpy
import pytest

from chainer.datasets import TupleDataset


def test_int_slice_and_array_index():
    x, y = numpy.arange(8).reshape(4, 2), numpy.arange(4) * 10
    ds = TupleDataset(x, y)
    assert len(ds) == 4
    a, b = ds[1]
    numpy.testing.assert_array_equal(a, [2, 3])
    assert b == 10
    batch = ds[1:3]
    assert isinstance(batch, list) and len(batch) == 2
    numpy.testing.assert_array_equal(batch[1][0], [4, 5])
    assert batch[1][1] == 20
    # Other indexes go to each dataset as they are (v5).
    xs, ys = ds[[0, 3]]
    numpy.testing.assert_array_equal(ys, [0, 30])


def test_errors():
    with pytest.raises(ValueError):
        TupleDataset()
    with pytest.raises(ValueError, match='index 1'):
        TupleDataset([1, 2], [1])
