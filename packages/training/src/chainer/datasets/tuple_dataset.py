"""Dataset of tuples from several equal-length datasets."""


class TupleDataset(object):

    """Dataset of tuples from multiple equal-length datasets.

    The ``i``-th example is ``(d1[i], d2[i], ...)``, like :func:`zip`. A
    slice gives a list of such tuples; any other index is passed to every
    dataset and the results are returned as one tuple.

    Args:
        datasets: Datasets of the same length, supporting ``__len__`` and
            ``__getitem__``.

    >>> from chainer.datasets import TupleDataset
    >>> ds = TupleDataset([8, 0, 5, 1], [3, 1, 7, 4])
    >>> ds[2], ds[1:3], len(ds)
    ((5, 7), [(0, 1), (5, 7)], 4)

    """

    def __init__(self, *datasets):
        if not datasets:
            raise ValueError('no datasets are given')
        length = len(datasets[0])
        for i, dataset in enumerate(datasets):
            if len(dataset) != length:
                raise ValueError(
                    'dataset of the index {} has a wrong length'.format(i))
        self._datasets = datasets
        self._length = length

    def __getitem__(self, index):
        batches = [dataset[index] for dataset in self._datasets]
        if isinstance(index, slice):
            return list(zip(*batches))
        return tuple(batches)

    def __len__(self):
        return self._length
