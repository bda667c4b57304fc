"""Mixin giving datasets indexing by int, slice and index arrays."""
import numpy


class DatasetMixin(object):

    """Default implementation of dataset indexing.

    ``__getitem__`` extracts each example with :meth:`get_example` and
    combines the examples selected by a slice or an index sequence into a
    list. It makes it easy to write a dataset that does not support
    efficient slicing. Implementations still have to provide ``__len__``.

    >>> class Squares(DatasetMixin):
    ...     def __len__(self):
    ...         return 5
    ...     def get_example(self, i):
    ...         return i * i
    >>> ds = Squares()
    >>> ds[2], ds[1:4], ds[[4, 0]]
    (4, [1, 4, 9], [16, 0])

    """

    def __getitem__(self, index):
        """Returns an example or a list of examples.

        Args:
            index (int, slice, list or numpy.ndarray): An index of an
                example, or indexes of examples (a slice or a
                one-dimensional integer sequence).

        Returns:
            The example created by :meth:`get_example` for an int index,
            or a list of examples otherwise.

        """
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            return [self.get_example(i) for i in range(start, stop, step)]
        if isinstance(index, (list, numpy.ndarray)):
            return [self.get_example(i) for i in index]
        return self.get_example(index)

    def __len__(self):
        """Returns the number of data points."""
        raise NotImplementedError

    def get_example(self, i):
        """Returns the i-th example.

        Implementations should override it and raise :class:`IndexError`
        for an invalid index (which also ends plain ``for`` loops).

        Args:
            i (int): The index of the example.

        Returns:
            The i-th example.

        """
        raise NotImplementedError
