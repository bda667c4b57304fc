"""Trigger that fires at a fixed interval of iterations or epochs."""
import warnings


def check_unit(unit):
    if unit not in ('epoch', 'iteration'):
        raise ValueError(
            "Trigger unit must be either 'epoch' or 'iteration', got "
            "{!r}".format(unit))


def serialize_previous(trigger, serializer):
    """Saves or loads ``trigger``'s ``_previous_iteration`` and
    ``_previous_epoch_detail`` under v5's keys.  Snapshots of older
    releases lack them: each missing one becomes -1 (the trigger then
    guesses from the updater) with v5's warning."""
    name = type(trigger).__name__
    try:
        trigger._previous_iteration = serializer(
            'previous_iteration', trigger._previous_iteration)
    except KeyError:
        warnings.warn('The previous value of iteration is not saved. '
                      '%s guesses it using current iteration.' % name)
        trigger._previous_iteration = -1
    try:
        trigger._previous_epoch_detail = serializer(
            'previous_epoch_detail', trigger._previous_epoch_detail)
    except KeyError:
        warnings.warn('The previous value of epoch_detail is not saved. '
                      '%s uses the value of '
                      'trainer.updater.previous_epoch_detail.' % name)
        trigger._previous_epoch_detail = -1.


class IntervalTrigger(object):

    """Trigger based on a fixed interval.

    It fires when the iteration count (``unit='iteration'``) or the
    fractional epoch count ``updater.epoch_detail`` (``unit='epoch'``)
    crosses a multiple of ``period`` since the previous call. Fractional
    periods are allowed in epochs.

    Args:
        period (int or float): Length of the interval; an integer for
            ``'iteration'``.
        unit (str): ``'iteration'`` or ``'epoch'``.

    >>> from chainer import testing
    >>> from chainer.training import triggers
    >>> trainer = testing.get_trainer_with_mock_updater(iter_per_epoch=4)
    >>> trigger = triggers.IntervalTrigger(0.5, 'epoch')
    >>> fired = []
    >>> for _ in range(6):
    ...     trainer.updater.update()
    ...     fired.append(trigger(trainer))
    >>> fired
    [False, True, False, True, False, True]

    """

    def __init__(self, period, unit):
        check_unit(unit)
        self.period = period
        self.unit = unit
        self._previous_iteration = 0
        self._previous_epoch_detail = 0.
        # Kept for old code that reads it.
        self.count = 0

    def __call__(self, trainer):
        """Returns ``True`` if the interval ends at this iteration."""
        updater = trainer.updater
        if self.unit == 'epoch':
            epoch_detail = updater.epoch_detail
            previous = self._previous_epoch_detail
            # A negative value means "unknown" (an old snapshot).
            if previous < 0:
                previous = updater.previous_epoch_detail or 0.
            self.count = epoch_detail // self.period
            fire = previous // self.period != epoch_detail // self.period
        else:
            iteration = updater.iteration
            previous = self._previous_iteration
            if previous < 0:
                previous = iteration - 1
            fire = previous // self.period != iteration // self.period
        self._previous_iteration = updater.iteration
        if hasattr(updater, 'epoch_detail'):
            self._previous_epoch_detail = updater.epoch_detail
        return fire

    def serialize(self, serializer):
        """Saves or loads the iteration and epoch seen at the last call."""
        serialize_previous(self, serializer)

    def get_training_length(self):
        """Returns ``(period, unit)``, the length it stands for."""
        return (self.period, self.unit)

    def __str__(self):
        return '{}({}, {!r})'.format(type(self).__name__, self.period,
                                     self.unit)
