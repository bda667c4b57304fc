"""Dataset that concatenates several datasets."""
import operator

from chainer.dataset import dataset_mixin


class ConcatenatedDataset(dataset_mixin.DatasetMixin):

    """Dataset which concatenates some base datasets.

    With bases of 10 and 20 examples, examples 0-9 come from the first and
    10-29 from the second. As in v5, a negative index raises
    :class:`IndexError` instead of counting from the end.

    Args:
        datasets: The base datasets (supporting ``__len__`` and
            ``__getitem__``).

    >>> from chainer.datasets import ConcatenatedDataset
    >>> ds = ConcatenatedDataset([1, 2], [3, 4, 5])
    >>> len(ds), ds[2], ds[1:4], ds[-2:]
    (5, 3, [2, 3, 4], [4, 5])

    """

    def __init__(self, *datasets):
        self._datasets = datasets

    def __len__(self):
        return sum(len(dataset) for dataset in self._datasets)

    def get_example(self, i):
        """Returns the ``i``-th example of the concatenation."""
        i = operator.index(i)
        # v5 rejects negative indexes here (slices are resolved earlier
        # by DatasetMixin, so ds[-2:] still works).
        if i < 0:
            raise IndexError('dataset index out of range')
        for dataset in self._datasets:
            if i < len(dataset):
                return dataset[i]
            i -= len(dataset)
        raise IndexError('dataset index out of range')
