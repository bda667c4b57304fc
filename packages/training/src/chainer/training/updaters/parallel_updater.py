"""Data-parallel updater over several devices of one process."""
import copy

from chainer.backends import cuda
from chainer.dataset import convert
from chainer import function
from chainer.training.updaters import standard_updater


class ParallelUpdater(standard_updater.StandardUpdater):

    """Synchronous data-parallel updater for several devices.

    Each batch is split into one sub-batch per model (``batch[i::n]``);
    every model computes its loss and gradients on its device, the
    gradients are added into the main model, the main optimizer updates it
    and the other models copy its parameters back. A negative device ID
    means the CPU, so it also runs (without speed-up) on a machine with no
    GPU.

    Args:
        iterator: Dataset iterator, or a dict of them with a ``'main'`` key.
        optimizer: Optimizer, or a dict of them with a ``'main'`` key.
        converter: Converter called with each sub-batch and its device.
        models (dict): Models by name; ``'main'`` must be the target of the
            main optimizer. If omitted, copies of the target are made for
            each entry of ``devices``.
        devices (dict): Device ID of each model, with a ``'main'`` key.
        loss_func: Loss function; each model is its own by default.
        loss_scale (float): Loss scaling factor.
        auto_new_epoch (bool): If ``True``, ``new_epoch`` of the main
            optimizer is called at the end of each epoch.
    """

    def __init__(self, iterator, optimizer, converter=convert.concat_examples,
                 models=None, devices=None, loss_func=None, loss_scale=None,
                 auto_new_epoch=True):
        super(ParallelUpdater, self).__init__(
            iterator=iterator, optimizer=optimizer, converter=converter,
            loss_func=loss_func, loss_scale=loss_scale,
            auto_new_epoch=auto_new_epoch)
        if devices is None:
            raise ValueError('devices must be specified')
        if 'main' not in devices:
            raise KeyError("'devices' must contain a 'main' key.")
        main_target = self.get_optimizer('main').target
        if models is None:
            models = {'main': main_target}
            for name, device in devices.items():
                if name == 'main':
                    continue
                model = copy.deepcopy(main_target)
                if device >= 0:
                    model.to_gpu(device)
                models[name] = model
            if devices['main'] >= 0:
                main_target.to_gpu(devices['main'])
        elif set(models) != set(devices):
            raise ValueError('models and devices must have the same keys')
        self._devices = devices
        self._models = models

    def connect_trainer(self, trainer):
        main_target = self.get_optimizer('main').target
        for name, model in self._models.items():
            if model is not main_target:
                trainer.reporter.add_observer(name, model)

    def update_core(self):
        optimizer = self.get_optimizer('main')
        main_model = optimizer.target
        others = [m for m in self._models.values() if m is not main_model]
        iterator = self.get_iterator('main')
        batch = iterator.next()

        n = len(self._models)
        in_arrays = {
            name: self.converter(batch[i::n], self._devices[name])
            for i, name in enumerate(self._models)}

        for model in self._models.values():
            model.cleargrads()
        losses = []
        for name, model in self._models.items():
            loss_func = self.loss_func or model
            device = self._devices[name]
            with function.force_backprop_mode(), \
                    cuda.get_device_from_id(device if device >= 0 else None):
                losses.append(standard_updater.call_loss(
                    loss_func, in_arrays[name]))
        # Cleared again: lazily initialized parameters appear in forward.
        for model in self._models.values():
            model.cleargrads()
        for loss in losses:
            loss.backward(loss_scale=self.loss_scale)
        for model in others:
            main_model.addgrads(model)
        optimizer.update()
        for model in others:
            model.copyparams(main_model)

        if self.auto_new_epoch and iterator.is_new_epoch:
            optimizer.new_epoch(auto=True)
