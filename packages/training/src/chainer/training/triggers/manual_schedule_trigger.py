"""Trigger that fires at given iterations or epochs."""

from chainer.training.triggers import interval_trigger


class ManualScheduleTrigger(object):

    """Trigger invoked at the given point(s) of iterations or epochs.

    It fires when the iteration count or ``updater.epoch_detail`` passes
    one of ``points`` since the previous call (fractional epochs are
    allowed). ``finished`` becomes ``True`` when it fires at or after the
    last point.

    Args:
        points (int, float or list of them): When to fire.
        unit (str): ``'iteration'`` or ``'epoch'``.
    """

    def __init__(self, points, unit):
        interval_trigger.check_unit(unit)
        self.points = points if isinstance(points, list) else [points]
        self.unit = unit
        self.finished = False
        self._previous_iteration = 0
        self._previous_epoch_detail = 0.

    def __call__(self, trainer):
        """Returns ``True`` if a point is passed at this iteration."""
        updater = trainer.updater
        if self.unit == 'epoch':
            current = updater.epoch_detail
            previous = self._previous_epoch_detail
            if previous < 0:
                previous = updater.previous_epoch_detail or 0.
        else:
            current = updater.iteration
            previous = self._previous_iteration
            if previous < 0:
                previous = current - 1
        fire = any(previous < p <= current for p in self.points)
        # As in v5, only a firing at (or past) the last point finishes it.
        if fire and current >= max(self.points):
            self.finished = True
        self._previous_iteration = updater.iteration
        if hasattr(updater, 'epoch_detail'):
            self._previous_epoch_detail = updater.epoch_detail
        return fire

    def serialize(self, serializer):
        """Saves or loads ``finished`` and the last values seen."""
        try:
            self.finished = serializer('finished', self.finished)
        except KeyError:
            # Early v5 releases do not save it; the trigger then counts as
            # not finished, as it did there.
            pass
        interval_trigger.serialize_previous(self, serializer)
