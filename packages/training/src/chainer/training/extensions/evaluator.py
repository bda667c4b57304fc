"""Extension that evaluates models on a validation set."""
import copy
import warnings

from chainer import configuration
from chainer.dataset import convert
from chainer import function
from chainer import link
from chainer import reporter as reporter_module
from chainer.training import extension
from chainer.training.updaters import standard_updater


class Evaluator(extension.Extension):

    """Trainer extension to evaluate models on a validation set.

    At each call it runs ``eval_func`` (the ``'main'`` target by default)
    on every batch of the ``'main'`` iterator, with
    ``chainer.config.train`` set to ``False`` and backprop disabled. The
    values reported during each batch are averaged, and the means are
    reported to the trainer with the extension's name as prefix: with the
    default name the loss of the main model appears as
    ``validation/main/loss``.

    The iterator must not repeat. It is rewound with ``reset()`` before
    each evaluation (an iterator without ``reset`` is copied instead).

    Args:
        iterator: Dataset iterator, or a dict of them with a ``'main'`` key.
        target: Link, or a dict of links with a ``'main'`` key.
        converter: Converts a batch and a device into input arrays;
            :func:`~chainer.dataset.concat_examples` by default.
        device (int): Device to send the data to; negative means the CPU.
        eval_hook: Called with the evaluator before each evaluation (for
            example to reset the state of a recurrent network).
        eval_func: Called with the converted batch; the main target by
            default.

    Attributes:
        converter: The converter.
        device: The device.
        eval_hook: The hook.
        eval_func: The evaluation function.
    """

    trigger = 1, 'epoch'
    default_name = 'validation'
    priority = extension.PRIORITY_WRITER
    name = None

    def __init__(self, iterator, target, converter=convert.concat_examples,
                 device=None, eval_hook=None, eval_func=None):
        if not isinstance(iterator, dict):
            iterator = {'main': iterator}
        self._iterators = iterator
        if isinstance(target, link.Link):
            target = {'main': target}
        self._targets = target
        self.converter = converter
        self.device = device
        self.eval_hook = eval_hook
        self.eval_func = eval_func
        for name, it in iterator.items():
            if getattr(it, 'repeat', False):
                warnings.warn(
                    'the iterator {!r} of Evaluator repeats, so the '
                    'evaluation never ends; create it with '
                    'repeat=False'.format(name))

    def get_iterator(self, name):
        """Returns the iterator of the given name."""
        return self._iterators[name]

    def get_all_iterators(self):
        """Returns a dictionary of all iterators."""
        return dict(self._iterators)

    def get_target(self, name):
        """Returns the target link of the given name."""
        return self._targets[name]

    def get_all_targets(self):
        """Returns a dictionary of all target links."""
        return dict(self._targets)

    def __call__(self, trainer=None):
        """Evaluates and reports the mean values.

        It can also be called without a trainer; the results then go to the
        current reporter, if any.

        Returns:
            dict: Mean of each value reported during the evaluation.
        """
        reporter = reporter_module.Reporter()
        prefix = self.name + '/' if self.name is not None else ''
        for name, target in self._targets.items():
            reporter.add_observer(prefix + name, target)
            reporter.add_observers(prefix + name,
                                   target.namedlinks(skipself=True))
        with reporter:
            with configuration.using_config('train', False):
                result = self.evaluate()
        reporter_module.report(result)
        return result

    def evaluate(self):
        """Runs the evaluation loop and returns the mean of each value.

        Override it to customize the evaluation; it runs inside a fresh
        reporter whose observers are the targets.

        Returns:
            dict: Mean of each reported value.
        """
        iterator = self._iterators['main']
        eval_func = self.eval_func or self._targets['main']
        if self.eval_hook:
            self.eval_hook(self)
        if hasattr(iterator, 'reset'):
            iterator.reset()
            it = iterator
        else:
            it = copy.copy(iterator)

        summary = reporter_module.DictSummary()
        for batch in it:
            observation = {}
            with reporter_module.report_scope(observation):
                in_arrays = self.converter(batch, self.device)
                with function.no_backprop_mode():
                    standard_updater.call_loss(eval_func, in_arrays)
            summary.add(observation)
        return summary.compute_mean()

    def finalize(self):
        """Finalizes every iterator."""
        for it in self._iterators.values():
            it.finalize()
