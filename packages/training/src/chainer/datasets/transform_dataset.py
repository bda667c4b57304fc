"""Dataset that applies a function to each example of another."""
from chainer.dataset import dataset_mixin


class TransformDataset(dataset_mixin.DatasetMixin):

    """Dataset that indexes the base dataset and transforms the data.

    ``dataset[i]`` is ``transform(base[i])``; slices and index lists give
    lists of transformed examples. ``transform`` gets the base example
    itself, so it must not modify it in place.

    Args:
        dataset: The base dataset.
        transform (callable): Function applied to each example.

    >>> from chainer.datasets import TransformDataset
    >>> ds = TransformDataset([1, 2, 3], lambda x: x * 10)
    >>> ds[0], ds[1:], len(ds)
    (10, [20, 30], 3)

    """

    def __init__(self, dataset, transform):
        self._dataset = dataset
        self._transform = transform

    def __len__(self):
        return len(self._dataset)

    def get_example(self, i):
        """Returns the transformed ``i``-th example."""
        return self._transform(self._dataset[i])
