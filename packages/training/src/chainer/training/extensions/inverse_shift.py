"""Extension that shifts an optimizer attribute by an inverse law."""
from chainer.training.extensions import _shift


class InverseShift(_shift.ShiftBase):

    """Trainer extension to shift an optimizer attribute inversely.

    After the ``t``-th call the attribute is
    ``init * (1 + gamma * t) ** (-power)``, stopped at ``target`` if given.

    Args:
        attr (str): Name of the attribute to shift.
        gamma (float): Speed of the shift; must not be negative.
        power (float): Exponent of the shift.
        init (float): Initial value; the attribute's value by default.
        target (float): Value at which the shift stops.
        optimizer (~chainer.Optimizer): Target optimizer; the updater's
            main optimizer by default.
    """

    def __init__(self, attr, gamma, power, init=None, target=None,
                 optimizer=None):
        if gamma < 0:
            raise ValueError('InverseShift does not support negative gamma')
        super(InverseShift, self).__init__(attr, init, optimizer)
        self._gamma = gamma
        self._power = power
        self._target = target

    def _value(self):
        value = self._init * (1 + self._gamma * self._t) ** (-self._power)
        # v5 treats power == 0 as decreasing.
        return _shift.clamp(value, self._target, self._power < 0)
