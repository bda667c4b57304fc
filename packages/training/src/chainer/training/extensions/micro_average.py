"""Extension that computes a micro-averaged ratio of reported values."""
from chainer.training import extension
from chainer.training import util


class MicroAverage(extension.Extension):

    """Calculates the micro-average ratio of two reported values.

    Over each interval of ``trigger`` it sums the reported numerators
    :math:`n_i` and denominators :math:`d_i` and, at the end of the
    interval, stores :math:`\\sum_i n_i / \\sum_i d_i` under
    ``result_key`` in the trainer's observation. For an accuracy, report
    the number of correct examples and the number of examples of each
    batch: unlike the mean of per-batch accuracies (the macro-average), it
    weighs every example equally when batch sizes differ.

    Args:
        numerator_key (str): Key of the reported numerator.
        denominator_key (str): Key of the reported denominator.
        result_key (str): Key under which the ratio is stored.
        trigger: Interval of the average, e.g. ``(1, 'epoch')``.
    """

    priority = extension.PRIORITY_EDITOR

    def __init__(self, numerator_key, denominator_key, result_key,
                 trigger=(1, 'epoch')):
        self._trigger = util.get_trigger(trigger)
        self._numerator_key = numerator_key
        self._denominator_key = denominator_key
        self._result_key = result_key
        self._numerator = 0
        self._denominator = 0

    def __call__(self, trainer):
        observation = trainer.observation
        if not (self._numerator_key in observation and
                self._denominator_key in observation):
            return
        self._numerator += observation[self._numerator_key]
        self._denominator += observation[self._denominator_key]
        if self._trigger(trainer):
            observation[self._result_key] = (
                float(self._numerator) / float(self._denominator))
            self._numerator = 0
            self._denominator = 0

    def serialize(self, serializer):
        """Saves or loads the running sums.

        As in v5, the interval trigger is not saved: after a resume it
        starts afresh, as v5's does.
        """
        self._numerator = serializer('_numerator', self._numerator)
        self._denominator = serializer('_denominator', self._denominator)
