import numpy

from chainer.datasets import TransformDataset
from chainer.datasets import TupleDataset


def test_transform():
    base = TupleDataset(numpy.arange(4.), numpy.arange(4))
    ds = TransformDataset(base, lambda ex: (ex[0] * 2, ex[1] + 1))
    assert len(ds) == 4
    assert ds[3] == (6., 4)
    assert ds[1:3] == [(2., 2), (4., 3)]
    assert ds[[0, 2]] == [(0., 1), (4., 3)]
    assert base[3] == (3., 3)  # the base is untouched
