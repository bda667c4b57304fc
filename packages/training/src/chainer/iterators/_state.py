"""Epoch bookkeeping shared by the iterators.

The state of an iterator is ``(current_position, epoch, is_new_epoch,
order, previous_epoch_detail)``. :func:`advance` computes the state after
the next batch and where that batch comes from, without touching the
dataset, so prefetching iterators can run it ahead of the consumer.
"""
import collections

import numpy

from chainer import serializer as serializer_module

IteratorState = collections.namedtuple(
    'IteratorState', ('current_position', 'epoch', 'is_new_epoch', 'order',
                      'previous_epoch_detail'))


def initial_state(dataset_len, order_sampler):
    """Returns the state of a fresh (or reset) iterator."""
    order = None
    if order_sampler is not None:
        order = _sample(order_sampler, numpy.arange(dataset_len), 0,
                        dataset_len)
    # v5 stores -1 rather than None: some serializers cannot store None.
    return IteratorState(0, 0, False, order, -1.)


def epoch_size(state, dataset_len):
    return dataset_len if state.order is None else len(state.order)


def epoch_detail(state, dataset_len):
    size = epoch_size(state, dataset_len)
    if size == 0:
        return float(state.epoch)
    return state.epoch + state.current_position / size


def _sample(order_sampler, order, position, dataset_len):
    new_order = order_sampler(order, position)
    if len(new_order) != dataset_len:
        raise ValueError(
            'the order sampler returned an order of length {}, but the '
            'dataset has {} examples'.format(len(new_order), dataset_len))
    return new_order


def advance(state, dataset_len, batch_size, repeat, order_sampler,
            sampler_gets_batch_start=True):
    """Computes the next batch.

    At the end of an epoch a repeating iterator asks ``order_sampler`` for
    the next order. As its ``current_position`` argument v5's SerialIterator
    and MultiprocessIterator pass the position where the batch started,
    while v5's MultithreadIterator passes 0
    (``sampler_gets_batch_start=False``). A batch longer than the dataset
    that wraps again passes 0 for the later wraps.

    Returns:
        tuple: ``(new_state, segments)``. ``segments`` is a list of slices
        of the dataset (when there is no order) or of integer index arrays
        that together make the batch, or ``None`` when a non-repeating
        iterator is exhausted.
    """
    if not repeat and state.epoch > 0:
        return state, None
    if dataset_len == 0:
        raise ValueError('cannot iterate over an empty dataset')
    previous = epoch_detail(state, dataset_len)
    position, epoch, order = state.current_position, state.epoch, state.order
    is_new_epoch = False
    segments = []
    remaining = batch_size
    sampler_position = position if sampler_gets_batch_start else 0
    while remaining > 0:
        end = min(position + remaining, dataset_len)
        if order is None:
            segments.append(slice(position, end))
        else:
            segments.append(order[position:end])
        remaining -= end - position
        position = end
        if position < dataset_len:
            break
        # End of an epoch: a repeating iterator draws the next order and
        # goes on filling the batch from it.
        epoch += 1
        is_new_epoch = True
        if order is not None and repeat:
            order = _sample(order_sampler, order, sampler_position,
                            dataset_len)
            sampler_position = 0
        position = 0
        if not repeat:
            break
    new_state = IteratorState(position, epoch, is_new_epoch, order, previous)
    return new_state, segments


def segments_to_indices(segments):
    """Flattens batch segments into one integer index array."""
    parts = []
    for segment in segments:
        if isinstance(segment, slice):
            parts.append(numpy.arange(segment.start, segment.stop))
        else:
            parts.append(numpy.asarray(segment))
    return numpy.concatenate(parts).astype(numpy.int64, copy=False)


def serialize_state(state, serializer, batch_size, dataset_len,
                    order_key='order'):
    """Saves or loads ``state`` with v5's keys; returns the loaded state.

    SerialIterator and MultiprocessIterator write the order as ``order``
    (only when there is one); v5's MultithreadIterator writes ``_order``
    always, ``None`` included, and ``None`` for an unknown previous epoch
    detail. Pass ``order_key='_order'`` for that layout.
    """
    position = serializer('current_position', state.current_position)
    epoch = serializer('epoch', state.epoch)
    is_new_epoch = serializer('is_new_epoch', state.is_new_epoch)
    order = state.order
    if order_key == '_order':
        order = _serialize_order(serializer, order, ('_order', 'order'),
                                 always=True)
    else:
        order = _serialize_order(serializer, order, ('order', '_order'))
    previous = state.previous_epoch_detail
    if order_key == '_order' and previous < 0:
        previous = None
    try:
        previous = serializer('previous_epoch_detail', previous)
    except KeyError:
        # Snapshots of versions before v3 lack it; v5 guesses it from the
        # position, as below.
        size = dataset_len if order is None else len(order)
        previous = epoch + (position - batch_size) / size
        if epoch + position / size > 0:
            previous = max(previous, 0.)
        else:
            previous = -1.
    if previous is None:
        previous = -1.
    return IteratorState(position, epoch, is_new_epoch, order,
                         float(previous))


def _serialize_order(serializer, order, keys, always=False):
    # The first key is the one written; a snapshot may hold the other one
    # (v5's SerialIterator still reads the ``_order`` of v2 snapshots).
    if order is None:
        if always and isinstance(serializer, serializer_module.Serializer):
            serializer(keys[0], None)
        return None
    try:
        return serializer(keys[0], order)
    except KeyError:
        return serializer(keys[1], order)


def state_property(name, doc):
    """A read/write attribute of an iterator backed by its ``_state``."""
    def fget(self):
        return getattr(self._state, name)

    def fset(self, value):
        self._state = self._state._replace(**{name: value})
    return property(fget, fset, doc=doc)


class StateAttributes(object):

    """Mixin: the v5 position attributes of an iterator, read from (and,
    for the first three, written to) its ``_state``.

    The iterator sets ``dataset``, ``_repeat`` and ``_state``.
    """

    current_position = state_property(
        'current_position', 'Index of the next example in the epoch.')
    epoch = state_property('epoch', 'Number of completed epochs.')
    is_new_epoch = state_property(
        'is_new_epoch', 'True if the last batch ended an epoch.')

    @property
    def epoch_detail(self):
        """Floating point number of epochs done, e.g. ``1.5``."""
        # The module-level function: class attributes are not in scope.
        return epoch_detail(self._state, len(self.dataset))

    @property
    def previous_epoch_detail(self):
        """``epoch_detail`` before the last batch, or ``None`` if none."""
        previous = self._state.previous_epoch_detail
        return None if previous < 0 else previous

    @property
    def repeat(self):
        return self._repeat

    @property
    def _order(self):
        return self._state.order
