"""Extension that shifts an optimizer attribute by a polynomial law."""
from chainer.training.extensions import _shift


class PolynomialShift(_shift.ShiftBase):

    """Trainer extension to polynomially shift an optimizer attribute.

    After the ``t``-th call the attribute is
    ``init * (1 - t / max_count) ** rate`` (and ``0`` from ``max_count``
    on when ``rate > 0``), stopped at ``target`` if given.

    Args:
        attr (str): Name of the attribute to shift.
        rate (float): Exponent of the polynomial.
        max_count (int): Number of calls over which the attribute decays.
        init (float): Initial value; the attribute's value by default.
        target (float): Value at which the shift stops.
        optimizer (~chainer.Optimizer): Target optimizer; the updater's
            main optimizer by default.
    """

    def __init__(self, attr, rate, max_count, init=None, target=None,
                 optimizer=None):
        super(PolynomialShift, self).__init__(attr, init, optimizer)
        self._rate = rate
        self._max_count = max_count
        self._target = target

    def _value(self):
        decay = max(1 - self._t / self._max_count, 0)
        value = self._init * decay ** self._rate
        # v5 compares target / value here (and rate == 0 counts as
        # increasing).
        return _shift.clamp(value, self._target, not self._rate > 0,
                            inverted=True)
