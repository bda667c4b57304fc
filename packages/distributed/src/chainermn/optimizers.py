"""Multi-node optimizers: average gradients over ranks, then update."""
import copy

import numpy

from chainermn.communicators import _memory_utility as _mem

_DEFAULT_BUCKET_BYTES = 4 * 1024 * 1024


def _param_state(target):
    return [(name, param.array is not None)
            for name, param in sorted(target.namedparams(), key=_first)]


def _first(pair):
    return pair[0]


class _ProxyBase(object):

    """Forwards attribute reads and writes to the wrapped optimizer, so
    hooks, ``lr`` and serializers see the actual optimizer."""

    _own = ('communicator', 'actual_optimizer', 'target_params')

    def __getattr__(self, name):
        d = self.__dict__
        if 'actual_optimizer' not in d:  # while copying or unpickling
            raise AttributeError(name)
        return getattr(d['actual_optimizer'], name)

    def __setattr__(self, name, value):
        if name in self._own or name.startswith('_mn_'):
            object.__setattr__(self, name, value)
        else:
            setattr(self.actual_optimizer, name, value)

    def setup(self, link):
        self.actual_optimizer.setup(link)
        return self

    def is_changed(self, target):
        """True when the set of initialized parameters changed (v5)."""
        previous = self.target_params
        self.target_params = _param_state(target)
        return previous != self.target_params

    def _forward(self, lossfun, args, kwds):
        loss = lossfun(*args, **kwds)
        if getattr(self.actual_optimizer, '_use_cleargrads', True):
            self.target.cleargrads()
        else:
            self.target.zerograds()
        return loss

    def _backward(self, loss, hook=None):
        scale = getattr(self.actual_optimizer, '_loss_scale', None)
        if hook is None:
            loss.backward(loss_scale=scale)
        else:
            from chainer import _backprop
            with _backprop.grad_ready_hook(hook):
                loss.backward(loss_scale=scale)


class _MultiNodeOptimizer(_ProxyBase):

    _own = _ProxyBase._own + ('zero_fill',)

    def __init__(self, actual_optimizer, communicator, zero_fill=False):
        object.__setattr__(self, 'communicator', communicator)
        object.__setattr__(self, 'actual_optimizer', actual_optimizer)
        object.__setattr__(self, 'target_params', [])
        object.__setattr__(self, 'zero_fill', zero_fill)

    def update(self, lossfun=None, *args, **kwds):
        """Averages the gradients over ranks and updates.

        As in v5, the first call (and any call after the set of
        initialized parameters changed, e.g. by a lazily initialized link)
        only broadcasts the parameters of rank 0 and does not update.
        """
        target = self.target
        if lossfun is not None:
            self._backward(self._forward(lossfun, args, kwds))
        if self.is_changed(target):
            self.communicator.bcast_data(target)
        else:
            self.communicator.allreduce_grad(target, zero_fill=self.zero_fill)
            self.actual_optimizer.update(None)


class _OverlapMultiNodeOptimizer(_MultiNodeOptimizer):

    """Like :class:`_MultiNodeOptimizer`, reducing during backward."""

    _own = _MultiNodeOptimizer._own + ('reducer',)

    def __init__(self, actual_optimizer, communicator, zero_fill,
                 bucket_bytes):
        from chainermn import _overlap
        from chainermn.communicators import naive_communicator
        if not isinstance(communicator,
                          naive_communicator.NaiveCommunicator):
            raise ValueError('overlap=True needs the naive communicator '
                             '(got %s)' % type(communicator).__name__)
        super(_OverlapMultiNodeOptimizer, self).__init__(
            actual_optimizer, communicator, zero_fill)
        object.__setattr__(self, 'reducer', _overlap.OverlapReducer(
            communicator, bucket_bytes, zero_fill))

    def update(self, lossfun=None, *args, **kwds):
        if lossfun is None or self.communicator.size == 1:
            return super(_OverlapMultiNodeOptimizer, self).update(
                lossfun, *args, **kwds)
        target = self.target
        loss = self._forward(lossfun, args, kwds)
        # After the forward pass: lazily initialized links exist now.
        entries = _mem.data_entries(target)
        key = _mem.layout_key(entries, 'array')
        reducer = self.reducer
        if reducer.usable(key):  # collective: all ranks take one branch
            if _mem.array_module_of([p.array for _, p in entries]) \
                    is not numpy:
                raise ValueError('overlap=True supports CPU models only')
            reducer.begin(entries)
            self._backward(loss, reducer.on_ready)
            del loss
            reducer.finish()
            self.is_changed(target)  # unchanged: the plan's key matched
            self.actual_optimizer.update(None)
            return
        # No agreed plan yet: a plain pass that records the order in which
        # gradients become ready, then the v5 logic.
        reducer.start_recording(entries)
        self._backward(loss, reducer.record)
        del loss
        if self.is_changed(target):
            self.communicator.bcast_data(target)
            return
        self.communicator.allreduce_grad(target, zero_fill=self.zero_fill)
        entries = _mem.data_entries(target)
        reducer.make_plan(_mem.layout_key(entries, 'array'))
        self.actual_optimizer.update(None)


class _DoubleBufferingOptimizer(_ProxyBase):

    """Updates with the previous step's averaged gradients while this
    step's are reduced on a separate CUDA stream (pure_nccl only).

    The parameters are updated with gradients one step stale, which can
    affect accuracy.
    """

    _own = _ProxyBase._own + (
        'needs_update', 'communicated_target', 'target_params_list',
        'allreduce_grad_stream')

    def __init__(self, actual_optimizer, communicator):
        from chainermn.communicators import pure_nccl_communicator
        if not isinstance(communicator,
                          pure_nccl_communicator.PureNcclCommunicator):
            raise ValueError('This communicator does not support double '
                             'buffering (only pure_nccl does).')
        import cupy
        object.__setattr__(self, 'communicator', communicator)
        object.__setattr__(self, 'actual_optimizer', actual_optimizer)
        object.__setattr__(self, 'target_params', [])
        object.__setattr__(self, 'needs_update', False)
        object.__setattr__(self, 'communicated_target', None)
        object.__setattr__(self, 'allreduce_grad_stream',
                           cupy.cuda.Stream(non_blocking=True))

    def update(self, lossfun=None, *args, **kwds):
        target = self.target
        if lossfun is not None:
            self._backward(self._forward(lossfun, args, kwds))
        if self.is_changed(target):
            self.wait()
            self.communicator.bcast_data(target)
            self.communicated_target = copy.deepcopy(target)
            self.needs_update = False
            return
        self.wait()
        self._swap_grads(target, self.communicated_target)
        self.communicator._allreduce_grad_async(
            self.communicated_target, self.allreduce_grad_stream)
        if self.needs_update:
            self.actual_optimizer.update(None)
        else:
            self.needs_update = True

    def wait(self):
        """Waits for the reduction and for the work queued before it.

        Backward ran on the current (normally the default) stream; the
        reduction stream does not wait for it by itself, so, as v5 does,
        that stream is synchronized too before gradients are swapped and
        handed to the reduction.
        """
        self.allreduce_grad_stream.synchronize()
        _current_stream().synchronize()

    @staticmethod
    def _swap_grads(a, b):
        pa = dict(a.namedparams())
        for name, q in b.namedparams():
            p = pa[name]
            if p.array is None:
                continue
            p.grad, q.grad = q.grad, p.grad
            if p.grad is None:
                p.grad = p.array * 0  # nothing reduced yet (first step)


def _current_stream():
    import cupy
    return cupy.cuda.get_current_stream()


def create_multi_node_optimizer(actual_optimizer, communicator,
                                double_buffering=False, zero_fill=False,
                                overlap=False, bucket_bytes=None):
    """Wraps an optimizer so that it averages gradients over the ranks.

    ``update`` computes the loss and gradients as usual, replaces every
    gradient by its mean over all ranks (``communicator.allreduce_grad``)
    and then lets ``actual_optimizer`` update. As in v5, the first update
    only broadcasts rank 0's parameters, so all ranks start identical.

    Args:
        actual_optimizer (~chainer.Optimizer): The optimizer to wrap.
        communicator (CommunicatorBase): ChainerMN communicator.
        double_buffering (bool): Overlap the allreduce with the next step
            on a second CUDA stream; updates then use one-step-stale
            gradients. Only with the ``pure_nccl`` communicator.
        zero_fill (bool): Treat missing gradients as zeros (extension).
        overlap (bool): Start bucketed non-blocking allreduces while
            backward is still running (extension; naive communicator, CPU
            models, ``update(lossfun, ...)`` calls).
        bucket_bytes (int): Bucket size for ``overlap`` (default 4 MiB).

    Returns:
        The wrapped optimizer, a proxy of ``actual_optimizer``.
    """
    if double_buffering:
        if overlap:
            raise ValueError('double_buffering and overlap cannot be '
                             'combined')
        return _DoubleBufferingOptimizer(actual_optimizer, communicator)
    if overlap:
        if bucket_bytes is None:
            bucket_bytes = _DEFAULT_BUCKET_BYTES
        if bucket_bytes <= 0:
            raise ValueError('bucket_bytes must be positive')
        return _OverlapMultiNodeOptimizer(actual_optimizer, communicator,
                                          zero_fill, bucket_bytes)
    return _MultiNodeOptimizer(actual_optimizer, communicator, zero_fill)
