"""Extension that moves an optimizer attribute linearly."""
from chainer.training.extensions import _shift


class LinearShift(_shift.ShiftBase):

    """Trainer extension to change an optimizer attribute linearly.

    With ``value_range == (x, y)`` and ``time_range == (i, j)``, the
    attribute is ``x`` until the ``i``-th call, moves linearly to ``y`` at
    the ``j``-th call, and stays ``y`` afterwards. It is also set before
    training starts. A typical use is warming up the momentum.

    Args:
        attr (str): Name of the attribute to adjust.
        value_range (tuple of float): First and last values.
        time_range (tuple of int): First and last call counts of the
            change.
        optimizer (~chainer.Optimizer): Target optimizer; the updater's
            main optimizer by default.
    """

    def __init__(self, attr, value_range, time_range, optimizer=None):
        super(LinearShift, self).__init__(attr, value_range[0], optimizer)
        self._value_range = value_range
        self._time_range = time_range

    def _initial_value(self):
        return self._value()

    def _value(self):
        t1, t2 = self._time_range
        v1, v2 = self._value_range
        if self._t <= t1:
            return v1
        if self._t >= t2:
            return v2
        # v5's order of operations (the rounding differs otherwise).
        rate = (self._t - t1) / (t2 - t1)
        return v1 + rate * (v2 - v1)
