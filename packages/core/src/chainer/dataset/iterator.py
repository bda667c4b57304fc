"""Base class of dataset iterators."""


class Iterator(object):

    """Base class of all dataset iterators.

    An iterator yields a minibatch (a list of examples) at each step through
    the Python iterator protocol. Implementations should provide the
    attributes ``batch_size``, ``epoch``, ``epoch_detail``,
    ``previous_epoch_detail`` and ``is_new_epoch`` (not necessarily
    writable), and support serialization to suspend and resume.

    """

    def __iter__(self):
        """Returns self."""
        return self

    def __next__(self):
        """Returns the next batch.

        It may raise :class:`StopIteration` when the iteration ends.
        """
        raise NotImplementedError

    def next(self):
        """Python 2 alternative of ``__next__``; calls it by default."""
        return self.__next__()

    def finalize(self):
        """Finalizes the iterator and possibly releases the resources.

        It does nothing by default.
        """
        pass

    def __enter__(self):
        """Returns self, so ``with MyIterator(...) as it:`` works."""
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        """Calls :meth:`finalize` to release resources."""
        self.finalize()

    def serialize(self, serializer):
        """Serializes the internal state of the iterator.

        Only the state that changes over iteration should be serialized,
        not settings given by users such as the batch size. It does nothing
        by default.
        """
        pass
