"""Dataset of dictionaries from several equal-length datasets."""


class DictDataset(object):

    """Dataset of a dictionary of datasets.

    The ``i``-th example is ``{key: dataset[i]}`` for each keyword
    argument. A slice gives a list of such dictionaries.

    Args:
        datasets: Datasets of the same length, given as keyword arguments;
            the keywords become the keys of the examples.

    >>> from chainer.datasets import DictDataset
    >>> ds = DictDataset(x=[1, 2, 3], y=[4, 5, 6])
    >>> ds[1] == {'x': 2, 'y': 5}, len(ds)
    (True, 3)

    """

    def __init__(self, **datasets):
        if not datasets:
            raise ValueError('no datasets are given')
        length = None
        for key, dataset in datasets.items():
            if length is None:
                length = len(dataset)
            elif len(dataset) != length:
                raise ValueError(
                    'dataset length conflicts at "{}"'.format(key))
        self._datasets = datasets
        self._length = length

    def __getitem__(self, index):
        batches = {key: dataset[index]
                   for key, dataset in self._datasets.items()}
        if isinstance(index, slice):
            length = len(next(iter(batches.values())))
            return [{key: batch[i] for key, batch in batches.items()}
                    for i in range(length)]
        return batches

    def __len__(self):
        return self._length
