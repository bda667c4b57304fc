"""The standard updater: one iterator, one optimizer, one device."""
from chainer.dataset import convert
from chainer.training import _updater


def _as_dict(value):
    # v5 registers a single object as 'main' and keeps a dict as it is,
    # with or without a 'main' key: GAN updaters pass {'gen': ..., 'dis':
    # ...} and override update_core.
    if isinstance(value, dict):
        return dict(value)
    return {'main': value}


def call_loss(loss_func, in_arrays):
    """Calls ``loss_func`` with a converted batch (tuple, dict or array)."""
    if isinstance(in_arrays, tuple):
        return loss_func(*in_arrays)
    if isinstance(in_arrays, dict):
        return loss_func(**in_arrays)
    return loss_func(in_arrays)


class StandardUpdater(_updater.Updater):

    """Standard implementation of :class:`~chainer.training.Updater`.

    Each update takes the next batch of the ``'main'`` iterator, converts it
    with ``converter(batch, device)`` and calls
    ``optimizer.update(loss_func, *in_arrays)`` on the ``'main'`` optimizer
    (keyword arguments for a dict, one argument for an array). Override
    :meth:`update_core` for other update rules.

    As in v5, at the end of each epoch of the main iterator it calls
    ``optimizer.new_epoch(auto=True)``; ``auto_new_epoch=False`` leaves
    that to the user.

    Args:
        iterator: Dataset iterator, or a dict of them with a ``'main'`` key.
        optimizer: Optimizer, or a dict of them with a ``'main'`` key.
        converter: Converts a batch and a device into input arrays;
            :func:`~chainer.dataset.concat_examples` by default.
        device (int): Device to send the data (and, when non-negative, the
            models) to. Negative means the CPU; ``None`` leaves them.
        loss_func: Loss function; the main optimizer's target by default.
        loss_scale (float): Loss scaling factor for low precision training,
            set on every optimizer.
        auto_new_epoch (bool): If ``True``, ``new_epoch`` of the main
            optimizer is called at the end of each epoch.

    Attributes:
        converter: The converter.
        loss_func: The loss function (``None`` for the target link).
        device: The device.
        iteration (int): Number of completed updates.
        auto_new_epoch (bool): See above.
    """

    def __init__(self, iterator, optimizer, converter=convert.concat_examples,
                 device=None, loss_func=None, loss_scale=None,
                 auto_new_epoch=True):
        self._iterators = _as_dict(iterator)
        self._optimizers = _as_dict(optimizer)
        if device is not None and device >= 0:
            for opt in self._optimizers.values():
                opt.target.to_gpu(device)
        self.converter = converter
        self.loss_func = loss_func
        self.device = device
        self.iteration = 0
        self.loss_scale = loss_scale
        if loss_scale is not None:
            for opt in self._optimizers.values():
                opt.set_loss_scale(loss_scale)
        self.auto_new_epoch = auto_new_epoch
        if auto_new_epoch:
            for opt in self._optimizers.values():
                opt.use_auto_new_epoch = True

    @property
    def epoch(self):
        return self._iterators['main'].epoch

    @property
    def epoch_detail(self):
        return self._iterators['main'].epoch_detail

    @property
    def previous_epoch_detail(self):
        return self._iterators['main'].previous_epoch_detail

    @property
    def is_new_epoch(self):
        return self._iterators['main'].is_new_epoch

    def finalize(self):
        """Finalizes every iterator."""
        for it in self._iterators.values():
            it.finalize()

    def get_optimizer(self, name):
        """Returns the optimizer of the given name."""
        return self._optimizers[name]

    def get_all_optimizers(self):
        """Returns a dictionary mapping names to optimizers."""
        return dict(self._optimizers)

    def get_iterator(self, name):
        """Returns the iterator of the given name."""
        return self._iterators[name]

    def update(self):
        """Runs :meth:`update_core` and counts the iteration."""
        self.update_core()
        self.iteration += 1

    def update_core(self):
        iterator = self._iterators['main']
        batch = iterator.next()
        in_arrays = self.converter(batch, self.device)
        optimizer = self._optimizers['main']
        loss_func = self.loss_func or optimizer.target
        if isinstance(in_arrays, tuple):
            optimizer.update(loss_func, *in_arrays)
        elif isinstance(in_arrays, dict):
            optimizer.update(loss_func, **in_arrays)
        else:
            optimizer.update(loss_func, in_arrays)
        if self.auto_new_epoch and iterator.is_new_epoch:
            optimizer.new_epoch(auto=True)

    def serialize(self, serializer):
        """Saves or loads the iterators, optimizers, models and iteration."""
        for name, it in self._iterators.items():
            it.serialize(serializer['iterator:' + name])
        for name, opt in self._optimizers.items():
            opt.serialize(serializer['optimizer:' + name])
            opt.target.serialize(serializer['model:' + name])
        self.iteration = serializer('iteration', self.iteration)
