"""Extension that multiplies an optimizer attribute at each call."""
from chainer.training.extensions import _shift


class ExponentialShift(_shift.ShiftBase):

    """Trainer extension to exponentially shift an optimizer attribute.

    After the ``t``-th call the attribute is ``init * rate ** t``, stopped
    at ``target`` if given. It is also set to ``init`` before training
    starts. A typical use is learning rate decay:
    ``trainer.extend(ExponentialShift('lr', 0.5), trigger=(10, 'epoch'))``.

    Args:
        attr (str): Name of the attribute to shift.
        rate (float): Factor applied at each call; must not be negative.
        init (float): Initial value; the attribute's value when training
            starts by default.
        target (float): Value at which the shift stops.
        optimizer (~chainer.Optimizer): Target optimizer; the updater's
            main optimizer by default.
    """

    def __init__(self, attr, rate, init=None, target=None, optimizer=None):
        if rate < 0:
            raise ValueError('ExponentialShift does not support negative '
                             'rate')
        super(ExponentialShift, self).__init__(attr, init, optimizer)
        self._rate = rate
        self._target = target

    def _value(self):
        value = self._init * self._rate ** self._t
        # v5 treats rate == 1 as decreasing.
        return _shift.clamp(value, self._target, self._rate > 1)
