"""Extension that shifts an optimizer attribute at given call counts."""
import bisect

from chainer.training.extensions import _shift


class MultistepShift(_shift.ShiftBase):

    """Trainer extension to shift an optimizer attribute at given steps.

    After the ``t``-th call the attribute is ``init * gamma ** k``, where
    ``k`` is the number of entries of ``step_value`` not larger than ``t``.

    Args:
        attr (str): Name of the attribute to shift.
        gamma (float): Factor applied at each step.
        step_value (list of int): Call counts at which a step happens.
        init (float): Initial value; the attribute's value by default.
        optimizer (~chainer.Optimizer): Target optimizer; the updater's
            main optimizer by default.
    """

    def __init__(self, attr, gamma, step_value, init, optimizer=None):
        super(MultistepShift, self).__init__(attr, init, optimizer)
        self._gamma = gamma
        self._step_value = sorted(step_value)

    def _value(self):
        steps = bisect.bisect_right(self._step_value, self._t)
        return self._init * self._gamma ** steps
