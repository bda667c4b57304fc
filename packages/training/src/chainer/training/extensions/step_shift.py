"""Extension that shifts an optimizer attribute step by step."""
import numpy

from chainer.training.extensions import _shift


class StepShift(_shift.ShiftBase):

    """Trainer extension to shift an optimizer attribute in steps.

    After the ``t``-th call the attribute is
    ``init * gamma ** floor(t / step)``, stopped at ``target`` if given.

    Args:
        attr (str): Name of the attribute to shift.
        gamma (float): Factor of each step.
        step (int): Number of calls in a step.
        init (float): Initial value; the attribute's value by default.
        target (float): Value at which the shift stops.
        optimizer (~chainer.Optimizer): Target optimizer; the updater's
            main optimizer by default.
    """

    def __init__(self, attr, gamma, step, init=None, target=None,
                 optimizer=None):
        super(StepShift, self).__init__(attr, init, optimizer)
        self._gamma = gamma
        self._step = step
        self._target = target

    def _value(self):
        # v5's exponent is numpy.floor(t / step), a float64.
        value = self._init * self._gamma ** numpy.floor(self._t / self._step)
        # v5 treats gamma == 1 as decreasing.
        return _shift.clamp(value, self._target, self._gamma > 1)
