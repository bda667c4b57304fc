"""An iterator whose batches come from one master rank."""
from chainer.dataset import iterator as iterator_module


def create_multi_node_iterator(actual_iterator, communicator, rank_master=0):
    """Makes every rank iterate over the batches of ``rank_master``.

    The master runs ``actual_iterator`` and broadcasts each batch (any
    picklable examples; v5 supported only float32 arrays and cast labels
    to int32) with its epoch bookkeeping; the other ranks' iterators only
    receive. Useful when processes of a model-parallel model must see the
    same batches. ``next`` and ``serialize`` must be called on all ranks
    together.

    Args:
        actual_iterator (~chainer.dataset.Iterator): Iterator of the
            master (ignored on the other ranks).
        communicator (CommunicatorBase): ChainerMN communicator.
        rank_master (int): Rank that owns the data.

    Returns:
        ~chainer.dataset.Iterator: The synchronized iterator.
    """
    import chainer.utils
    chainer.utils.experimental(
        'chainermn.iterators.create_multi_node_iterator')
    if communicator.rank == rank_master:
        return _MultiNodeIteratorMaster(actual_iterator, communicator,
                                        rank_master)
    return _MultiNodeIteratorSlave(communicator, rank_master)


_STATE = ('epoch', 'is_new_epoch', 'epoch_detail', 'previous_epoch_detail',
          'current_position', 'batch_size')


class _MultiNodeIteratorMaster(iterator_module.Iterator):

    def __init__(self, actual_iterator, communicator, rank_master):
        self.actual_iterator = actual_iterator
        self.communicator = communicator
        self.rank_master = rank_master
        self.dataset = getattr(actual_iterator, 'dataset', None)
        communicator.bcast_obj(
            len(self.dataset) if self.dataset is not None else None,
            root=rank_master)

    def __next__(self):
        try:
            batch = self.actual_iterator.next()
        except StopIteration:
            self.communicator.bcast_obj(('stop', None, None),
                                        root=self.rank_master)
            raise
        self.communicator.bcast_obj(('batch', batch, self._state()),
                                    root=self.rank_master)
        return batch

    next = __next__

    def _state(self):
        return {k: getattr(self.actual_iterator, k, None) for k in _STATE}

    def __getattr__(self, name):
        if name == 'actual_iterator':
            raise AttributeError(name)
        return getattr(self.actual_iterator, name)

    def reset(self):
        self.actual_iterator.reset()

    def serialize(self, serializer):
        self.actual_iterator.serialize(serializer)
        self.communicator.bcast_obj(self._state(), root=self.rank_master)

    def finalize(self):
        self.actual_iterator.finalize()


class _MultiNodeIteratorSlave(iterator_module.Iterator):

    def __init__(self, communicator, rank_master):
        self.communicator = communicator
        self.rank_master = rank_master
        self.dataset_size = communicator.bcast_obj(None, root=rank_master)
        self.batch_size = None
        self.reset()

    def __next__(self):
        kind, batch, state = self.communicator.bcast_obj(
            None, root=self.rank_master)
        if kind == 'stop':
            raise StopIteration
        self._set_state(state)
        return batch

    next = __next__

    def reset(self):
        self.epoch = 0
        self.is_new_epoch = False
        self.epoch_detail = 0.
        self.previous_epoch_detail = None
        self.current_position = 0

    def _set_state(self, state):
        for k, v in state.items():
            setattr(self, k, v)

    def serialize(self, serializer):
        # The master's state is what counts; keep in step with it.
        state = self.communicator.bcast_obj(None, root=self.rank_master)
        # Like v5's, a slave's snapshot holds the position too (under the
        # keys of v5's SerialIterator); on loading, the master's wins.
        for key in ('current_position', 'epoch', 'is_new_epoch'):
            if state.get(key) is None:
                continue
            try:
                serializer(key, state[key])
            except KeyError:  # a snapshot without them
                pass
        self._set_state(state)
