"""The standard training loop."""
import collections
import os
import sys
import time
import traceback

from chainer import reporter as reporter_module
from chainer import serializer as serializer_module
from chainer.training import extension as extension_module
from chainer.training import util
from chainer.utils import argument


class _ExtensionEntry(object):

    def __init__(self, extension, priority, trigger):
        self.extension = extension
        self.trigger = trigger
        self.priority = priority


class Trainer(object):

    """The standard training loop.

    Each iteration of :meth:`run` asks the updater for one update (load a
    batch, compute the loss and gradients, update the parameters), then
    calls the registered extensions whose trigger fires, in descending
    order of priority (in registration order within a priority). The loop
    ends when ``stop_trigger`` fires.

    Values reported during an iteration go to a fresh ``observation``
    dictionary through :attr:`reporter`. The target link of each optimizer
    and its sublinks are observers named ``<optimizer name>`` and
    ``<optimizer name>/<link path>``, so a loss reported by the main model
    is ``main/loss``.

    Serializing the trainer saves the updater (iterators, optimizers,
    models), the stop trigger, every extension and its trigger, and the
    elapsed time, so training can be suspended and resumed.

    Args:
        updater (~chainer.training.Updater): Updater object.
        stop_trigger: Trigger that stops the loop; a tuple like
            ``(20, 'epoch')`` becomes an
            :class:`~chainer.training.triggers.IntervalTrigger`. ``None``
            never stops.
        out (str): Output directory.
        extensions (list): Extensions to register.

    Attributes:
        updater: The updater.
        stop_trigger: The stop trigger object.
        observation (dict): Values observed at the last iteration.
        out (str): Output directory.
        reporter (~chainer.Reporter): Reporter of the observed values.
    """

    def __init__(self, updater, stop_trigger=None, out='result',
                 extensions=None):
        self.updater = updater
        self.stop_trigger = util.get_trigger(stop_trigger)
        self.observation = {}
        self.out = out

        reporter = reporter_module.Reporter()
        for name, optimizer in updater.get_all_optimizers().items():
            reporter.add_observer(name, optimizer.target)
            reporter.add_observers(
                name, optimizer.target.namedlinks(skipself=True))
        self.reporter = reporter

        self._done = False
        self._extensions = collections.OrderedDict()
        self._start_at = None
        self._snapshot_elapsed_time = 0.0
        self._final_elapsed_time = None

        updater.connect_trainer(self)
        for ext in extensions or ():
            self.extend(ext)

    @property
    def elapsed_time(self):
        """Seconds of training, including those before a resumed snapshot.

        Raises:
            RuntimeError: The training has not started.
        """
        if self._done:
            return self._final_elapsed_time
        if self._start_at is None:
            raise RuntimeError('training has not been started yet')
        return time.time() - self._start_at + self._snapshot_elapsed_time

    def extend(self, extension, name=None, trigger=None, priority=None,
               **kwargs):
        """Registers an extension.

        Args:
            extension: The extension (any callable taking the trainer).
            name (str): Name of the extension; by default its ``name``,
                ``default_name`` or ``__name__`` attribute. A name already
                taken gets the suffix ``_1``, ``_2``, ...
            trigger: When to call it; by default ``extension.trigger``, or
                ``(1, 'iteration')``. A tuple is turned into an
                :class:`~chainer.training.triggers.IntervalTrigger`.
            priority (int): Priority; ``extension.priority`` or
                ``PRIORITY_READER`` by default.
        """
        if kwargs:
            argument.check_unexpected_kwargs(
                kwargs, invoke_before_training=extension_module.
                _INVOKE_BEFORE_TRAINING)
            argument.assert_kwargs_empty(kwargs)
        if name is None:
            name = getattr(extension, 'name', None)
        if name is None:
            name = getattr(extension, 'default_name', None)
        if name is None:
            name = getattr(extension, '__name__', None)
        if name is None:
            raise TypeError('name is not given for the extension')
        if name == 'training':
            raise ValueError(
                'the name "training" is prohibited as an extension name')
        if trigger is None:
            trigger = getattr(extension, 'trigger', (1, 'iteration'))
        trigger = util.get_trigger(trigger)
        if priority is None:
            priority = getattr(extension, 'priority',
                               extension_module.PRIORITY_READER)

        modified_name = name
        ordinal = 0
        while modified_name in self._extensions:
            ordinal += 1
            modified_name = '%s_%d' % (name, ordinal)
        extension.name = modified_name
        self._extensions[modified_name] = _ExtensionEntry(
            extension, priority, trigger)

    def get_extension(self, name):
        """Returns the extension registered under ``name``.

        Raises:
            ValueError: No extension has this name.
        """
        if name in self._extensions:
            return self._extensions[name].extension
        raise ValueError('extension %s not found' % name)

    def run(self, show_loop_exception_msg=True):
        """Executes the training loop until the stop trigger fires.

        When the loop raises, each extension's ``on_error`` is called, then
        (in every case) each extension's ``finalize`` and the updater's
        ``finalize``. A trainer runs only once.

        Args:
            show_loop_exception_msg (bool): If ``True``, an exception in
                the loop is also printed to ``sys.stderr`` with its
                traceback before it propagates.
        """
        if self._done:
            raise RuntimeError('cannot run training loop multiple times')
        os.makedirs(self.out, exist_ok=True)

        # sorted is stable: equal priorities keep the registration order.
        entries = sorted(self._extensions.items(),
                         key=lambda item: item[1].priority, reverse=True)
        self._start_at = time.time()
        for _, entry in entries:
            initializer = getattr(entry.extension, 'initialize', None)
            finished = getattr(entry.trigger, 'finished', False)
            if initializer and not finished:
                initializer(self)

        update = self.updater.update
        reporter = self.reporter
        stop_trigger = self.stop_trigger
        try:
            while not stop_trigger(self):
                self.observation = {}
                with reporter.scope(self.observation):
                    update()
                    for _, entry in entries:
                        if entry.trigger(self):
                            entry.extension(self)
        except Exception as e:
            tb = sys.exc_info()[2]
            if show_loop_exception_msg:
                err = sys.stderr
                err.write('Exception in main training loop: {}\n'.format(e))
                err.write('Traceback (most recent call last):\n')
                traceback.print_tb(tb, file=err)
                err.write('Will finalize trainer extensions and updater '
                          'before reraising the exception.\n')
                err.flush()
            for _, entry in entries:
                handler = getattr(entry.extension, 'on_error', None)
                if handler:
                    try:
                        handler(self, e, tb)
                    except Exception as he:
                        sys.stderr.write(
                            'Exception in error handler of {}: {}\n'.format(
                                entry.extension.name, he))
            raise
        finally:
            for _, entry in entries:
                finalize = getattr(entry.extension, 'finalize', None)
                if finalize:
                    finalize()
            self.updater.finalize()

        self._final_elapsed_time = self.elapsed_time
        self._done = True

    def serialize(self, serializer):
        """Saves or loads the state of the whole training loop."""
        self.updater.serialize(serializer['updater'])
        if hasattr(self.stop_trigger, 'serialize'):
            self.stop_trigger.serialize(serializer['stop_trigger'])

        s = serializer['extensions']
        t = serializer['extension_triggers']
        for name, entry in self._extensions.items():
            if hasattr(entry.extension, 'serialize'):
                entry.extension.serialize(s[name])
            if hasattr(entry.trigger, 'serialize'):
                entry.trigger.serialize(t[name])

        if isinstance(serializer, serializer_module.Serializer):
            if self._done or self._start_at is not None:
                elapsed = self.elapsed_time
            else:
                elapsed = self._snapshot_elapsed_time
            serializer('_snapshot_elapsed_time', elapsed)
        else:
            self._snapshot_elapsed_time = float(serializer(
                '_snapshot_elapsed_time', self._snapshot_elapsed_time))
