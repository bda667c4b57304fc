"""Triggers that fire when an observed value reaches a new best."""
from chainer import reporter
from chainer.training import util


class BestValueTrigger(object):

    """Trigger invoked when a reported value becomes the best so far.

    The value of ``key`` is averaged over each interval of ``trigger``; at
    the end of the interval the mean is compared to the best mean seen so
    far with ``compare(best, new)``, and the trigger fires if it is better
    (always at the first interval that has the value).

    Args:
        key (str): Key of the observed value.
        compare (callable): ``compare(best, new)`` returns ``True`` if
            ``new`` is better than ``best``.
        trigger: Interval of the comparisons, e.g. ``(1, 'epoch')``.
    """

    def __init__(self, key, compare, trigger=(1, 'epoch')):
        self._key = key
        self._best_value = None
        self._interval_trigger = util.get_trigger(trigger)
        self._summary = reporter.DictSummary()
        self._compare = compare

    def __call__(self, trainer):
        """Returns ``True`` if the value improved at the interval's end."""
        observation = trainer.observation
        if self._key in observation:
            self._summary.add({self._key: observation[self._key]})
        if not self._interval_trigger(trainer):
            return False
        stats = self._summary.compute_mean()
        self._summary = reporter.DictSummary()
        if self._key not in stats:
            return False
        value = float(stats[self._key])  # copies a GPU value to the host
        if self._best_value is None or self._compare(self._best_value,
                                                     value):
            self._best_value = value
            return True
        return False

    def serialize(self, serializer):
        """Saves or loads the best value, interval trigger and summary.

        v5's trigger has no state in snapshots: loading one of them leaves
        this trigger as new (best value unknown, fresh interval trigger),
        which is how v5 resumes.
        """
        try:
            best = serializer('best_value', self._best_value)
        except KeyError:
            return
        self._best_value = None if best is None else float(best)
        self._interval_trigger.serialize(serializer['interval_trigger'])
        self._summary.serialize(serializer['summary'])


class MaxValueTrigger(BestValueTrigger):

    """Trigger invoked when the value of ``key`` becomes maximum.

    Args:
        key (str): Key of the observed value, e.g.
            ``'validation/main/accuracy'``.
        trigger: Interval of the comparisons.
    """

    def __init__(self, key, trigger=(1, 'epoch')):
        super(MaxValueTrigger, self).__init__(
            key, lambda best, new: new > best, trigger)


class MinValueTrigger(BestValueTrigger):

    """Trigger invoked when the value of ``key`` becomes minimum.

    Args:
        key (str): Key of the observed value, e.g.
            ``'validation/main/loss'``.
        trigger: Interval of the comparisons.
    """

    def __init__(self, key, trigger=(1, 'epoch')):
        super(MinValueTrigger, self).__init__(
            key, lambda best, new: new < best, trigger)
