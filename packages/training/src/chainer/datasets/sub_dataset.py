"""Subsets of a dataset, random splits and cross-validation splits."""
import numbers

import numpy

from chainer.dataset import dataset_mixin


class SubDataset(dataset_mixin.DatasetMixin):

    """Subset of a base dataset.

    The ``i``-th example is ``dataset[order[start + i]]`` (or
    ``dataset[start + i]`` without ``order``); a negative ``i`` counts from
    ``finish``. Nesting subsets makes train/validation/test splits.

    Args:
        dataset: Base dataset.
        start (int): The first index in the interval.
        finish (int): The next-to-the-last index in the interval.
        order (sequence of ints): Permutation of the indexes of the base
            dataset; the ascending order if ``None``.

    >>> from chainer.datasets import SubDataset
    >>> sub = SubDataset(list('abcdef'), 1, 4, order=[5, 4, 3, 2, 1, 0])
    >>> len(sub), sub[0], sub[-1], sub[:]
    (3, 'e', 'c', ['e', 'd', 'c'])

    """

    def __init__(self, dataset, start, finish, order=None):
        if start < 0 or finish > len(dataset):
            raise ValueError('subset overruns the base dataset.')
        if order is not None and len(order) != len(dataset):
            raise ValueError(
                'order option must have the same length as the base '
                'dataset: len(order) = {} while len(dataset) = {}'.format(
                    len(order), len(dataset)))
        self._dataset = dataset
        self._start = start
        self._finish = finish
        self._size = finish - start
        self._order = order

    def __len__(self):
        return self._size

    def get_example(self, i):
        """Returns the ``i``-th example of the subset."""
        if i >= 0:
            if i >= self._size:
                raise IndexError('dataset index out of range')
            index = self._start + i
        else:
            if i < -self._size:
                raise IndexError('dataset index out of range')
            index = self._finish + i
        if self._order is not None:
            index = self._order[index]
        return self._dataset[index]


def split_dataset(dataset, split_at, order=None):
    """Splits a dataset into two subsets.

    Args:
        dataset: Dataset to split.
        split_at (int): Position at which the base dataset is split.
        order (sequence of ints): Permutation of indexes in the base
            dataset (see :class:`SubDataset`).

    Returns:
        tuple: Two :class:`SubDataset` objects, of the examples
        ``order[:split_at]`` and ``order[split_at:]``.

    >>> from chainer.datasets import split_dataset
    >>> a, b = split_dataset([0, 1, 2, 3, 4], 2)
    >>> a[:], b[:]
    ([0, 1], [2, 3, 4])

    """
    if not isinstance(split_at, numbers.Integral):
        raise TypeError('split_at must be int, got {} instead'.format(
            type(split_at)))
    n_examples = len(dataset)
    if split_at < 0:
        raise ValueError('split_at must be non-negative')
    if split_at > n_examples:
        raise ValueError('split_at exceeds the dataset size')
    return (SubDataset(dataset, 0, split_at, order),
            SubDataset(dataset, split_at, n_examples, order))


def split_dataset_random(dataset, first_size, seed=None):
    """Splits a dataset into two subsets randomly.

    Args:
        dataset: Dataset to split.
        first_size (int): Size of the first subset.
        seed (int): Seed of the permutation; the same seed always gives the
            same split. ``None`` gives a different split at each call.

    Returns:
        tuple: Two :class:`SubDataset` objects: ``first_size`` examples
        chosen at random without replacement, and the rest.
    """
    order = numpy.random.RandomState(seed).permutation(len(dataset))
    return split_dataset(dataset, first_size, order)


def split_dataset_n(dataset, n, order=None):
    """Splits a dataset into ``n`` subsets of equal size.

    Each subset has ``len(dataset) // n`` examples; the remaining
    examples at the end are in none of them.

    Args:
        dataset: Dataset to split.
        n (int): Number of subsets.
        order (sequence of ints): Permutation of indexes in the base
            dataset.

    Returns:
        list: ``n`` :class:`SubDataset` objects.
    """
    size = len(dataset) // n
    return [SubDataset(dataset, size * i, size * (i + 1), order)
            for i in range(n)]


def split_dataset_n_random(dataset, n, seed=None):
    """Splits a dataset into ``n`` subsets of equal size randomly.

    Args:
        dataset: Dataset to split.
        n (int): Number of subsets.
        seed (int): Seed of the permutation.

    Returns:
        list: ``n`` :class:`SubDataset` objects.
    """
    order = numpy.random.RandomState(seed).permutation(len(dataset))
    return split_dataset_n(dataset, n, order)


def get_cross_validation_datasets(dataset, n_fold, order=None):
    """Creates a set of training/test splits for cross validation.

    The examples (in ``order``) are cut into ``n_fold`` contiguous parts
    whose sizes differ by at most one. Split ``k`` tests on part
    ``n_fold - 1 - k`` and trains on the others, taken cyclically from the
    end of its test part.

    Args:
        dataset: Dataset to split.
        n_fold (int): Number of splits.
        order (sequence of ints): Order of the indexes; ascending if
            ``None``.

    Returns:
        list: ``n_fold`` pairs ``(train, test)`` of :class:`SubDataset`.

    Raises:
        ValueError: If the dataset is not empty but has fewer than
            ``n_fold`` examples.

    >>> from chainer.datasets import get_cross_validation_datasets
    >>> [(tr[:], te[:]) for tr, te in
    ...  get_cross_validation_datasets([0, 1, 2, 3], 2)]
    [([0, 1], [2, 3]), ([2, 3], [0, 1])]

    """
    n = len(dataset)
    if 0 < n < n_fold:
        # v5 fails here too (a numpy broadcast ValueError while rotating
        # past an empty test part); say why.
        raise ValueError(
            'n_fold ({}) exceeds the dataset size ({})'.format(n_fold, n))
    order = numpy.arange(n) if order is None else numpy.array(order)
    borders = [n * i // n_fold for i in range(n_fold + 1)]
    splits = []
    for k in range(n_fold):
        part = n_fold - 1 - k
        test_start, test_end = borders[part], borders[part + 1]
        # Rotate so the test part comes last, after the examples that
        # follow it.
        rotated = numpy.roll(order, n - test_end)
        splits.append(split_dataset(dataset, n - (test_end - test_start),
                                    rotated))
    return splits


def get_cross_validation_datasets_random(dataset, n_fold, seed=None):
    """Creates a set of training/test splits for cross validation randomly.

    Like :func:`get_cross_validation_datasets` with a random order.

    Args:
        dataset: Dataset to split.
        n_fold (int): Number of splits.
        seed (int): Seed of the permutation.

    Returns:
        list: ``n_fold`` pairs ``(train, test)`` of :class:`SubDataset`.
    """
    order = numpy.random.RandomState(seed).permutation(len(dataset))
    return get_cross_validation_datasets(dataset, n_fold, order)
