"""Trigger that fires at a fixed interval of wall-clock time."""


class TimeTrigger(object):

    """Trigger based on a fixed interval of training time.

    It fires at the first call after each ``period`` seconds of
    ``trainer.elapsed_time``.

    Args:
        period (float): Interval in seconds.
    """

    def __init__(self, period):
        self._period = period
        self._next_time = self._period

    def __call__(self, trainer):
        if self._next_time < trainer.elapsed_time:
            self._next_time += self._period
            return True
        return False

    def serialize(self, serializer):
        """Saves or loads the time of the next firing."""
        self._next_time = serializer('next_time', self._next_time)
