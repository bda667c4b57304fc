"""Stop trigger that ends training when a value stops improving."""
import operator
import warnings

from chainer import reporter
from chainer.training import util


class EarlyStoppingTrigger(object):

    """Trigger for early stopping, used as the trainer's stop trigger.

    The value of ``monitor`` is averaged over each interval of
    ``check_trigger``. At the end of each interval the mean is compared to
    the best so far; after ``patience`` intervals in a row without
    improvement the trigger fires. It also fires when ``max_trigger`` does.

    Args:
        check_trigger: Interval of the comparisons, e.g. ``(1, 'epoch')``.
        monitor (str): Key of the monitored value.
        patience (int): Number of intervals without improvement to wait
            (3 by default). ``patients`` is its old spelling.
        mode (str): ``'max'``, ``'min'``, or ``'auto'``, which maximizes
            keys containing ``'accuracy'`` and minimizes the others.
        verbose (bool): Print when it decides to stop.
        max_trigger: Upper bound of the training length, e.g.
            ``(100, 'epoch')``.
    """

    def __init__(self, check_trigger=(1, 'epoch'), monitor='main/loss',
                 patience=None, mode='auto', verbose=False,
                 max_trigger=(100, 'epoch'), **kwargs):
        patients = kwargs.pop('patients', None)
        if kwargs:
            raise TypeError('unexpected keyword argument(s): {}'.format(
                ', '.join(sorted(kwargs))))
        if patience is not None and patients is not None:
            raise TypeError('specify only patience, not also patients')
        if patience is None:
            patience = 3 if patients is None else patients
        self.count = 0
        self.patience = patience
        self.monitor = monitor
        self.verbose = verbose
        self.already_warning = False
        self._max_trigger = util.get_trigger(max_trigger)
        self._interval_trigger = util.get_trigger(check_trigger)
        self._summary = reporter.DictSummary()

        if mode == 'max':
            self._compare = operator.gt
        elif mode == 'min':
            self._compare = operator.lt
        elif mode == 'auto':
            self._compare = (operator.gt if 'accuracy' in monitor
                             else operator.lt)
        else:
            raise ValueError("mode must be 'max', 'min' or 'auto', got "
                             "{!r}".format(mode))
        if self._compare is operator.gt:
            if verbose:
                print('early stopping: operator is greater')
            self.best = float('-inf')
        else:
            if verbose:
                print('early stopping: operator is less')
            self.best = float('inf')

    @property
    def patients(self):
        # The v4 name of ``patience``.
        return self.patience

    @patients.setter
    def patients(self, value):
        self.patience = value

    def __call__(self, trainer):
        """Returns ``True`` if the training should stop now."""
        observation = trainer.observation
        if self.monitor in observation:
            self._summary.add({self.monitor: observation[self.monitor]})

        if self._max_trigger(trainer):
            return True
        if not self._interval_trigger(trainer):
            return False

        if self.monitor not in observation:
            if not self.already_warning:
                warnings.warn('{} is not in observation'.format(
                    self.monitor))
                self.already_warning = True
            return False

        current = float(self._summary.compute_mean()[self.monitor])
        self._summary = reporter.DictSummary()
        if self._compare(current, self.best):
            self.best = current
            self.count = 0
        else:
            self.count += 1

        if self._stop_condition():
            if self.verbose:
                print('Epoch {}: early stopping'.format(
                    trainer.updater.epoch))
            return True
        return False

    def _stop_condition(self):
        return self.count >= self.patience

    def get_training_length(self):
        """Returns the length of ``max_trigger``."""
        return self._max_trigger.get_training_length()

    def serialize(self, serializer):
        """Saves or loads the best value, count, triggers and summary.

        v5's trigger has no state in snapshots: loading one of them leaves
        this trigger as new (its interval triggers included), which is how
        v5 resumes.
        """
        try:
            best = serializer('best', self.best)
        except KeyError:
            warnings.warn('The state of EarlyStoppingTrigger is not saved '
                          'in the snapshot; it starts afresh.')
            return
        self.best = float(best)
        self.count = int(serializer('count', self.count))
        if hasattr(self._max_trigger, 'serialize'):
            self._max_trigger.serialize(serializer['max_trigger'])
        if hasattr(self._interval_trigger, 'serialize'):
            self._interval_trigger.serialize(serializer['interval_trigger'])
        self._summary.serialize(serializer['summary'])
