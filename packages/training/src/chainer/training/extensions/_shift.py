"""Shared parts of the extensions that shift an optimizer attribute."""
import numpy

from chainer.training import extension


class ShiftBase(extension.Extension):

    """Base of the ``*Shift`` extensions.

    Subclasses implement ``_value()``: the value at call count ``_t``. The
    count and the last value set are serialized; ``initialize`` sets the
    attribute again from them when the trainer was resumed.
    """

    def __init__(self, attr, init, optimizer):
        self._attr = attr
        self._init = init
        self._optimizer = optimizer
        self._t = 0
        self._last_value = None

    def _get_optimizer(self, trainer):
        return self._optimizer or trainer.updater.get_optimizer('main')

    def _update_value(self, optimizer, value):
        setattr(optimizer, self._attr, value)
        self._last_value = value

    def initialize(self, trainer):
        optimizer = self._get_optimizer(trainer)
        if self._init is None:
            self._init = getattr(optimizer, self._attr)
        if self._last_value is not None:  # resumed from a snapshot
            self._update_value(optimizer, self._last_value)
        else:
            self._update_value(optimizer, self._initial_value())

    def _initial_value(self):
        return self._init

    def __call__(self, trainer):
        self._t += 1
        optimizer = self._get_optimizer(trainer)
        if self._init is None:
            self._init = getattr(optimizer, self._attr)
        value = self._value()
        if value is not None:
            self._update_value(optimizer, value)

    def serialize(self, serializer):
        self._t = serializer('_t', self._t)
        self._last_value = serializer('_last_value', self._last_value)
        if isinstance(self._last_value, numpy.ndarray):
            self._last_value = self._last_value.item()


def clamp(value, target, increasing, inverted=False):
    """Returns ``target`` once ``value`` has passed it (``None``: never).

    As v5, it compares the ratio ``value / target`` with 1 (``target /
    value`` when ``inverted``, as v5's PolynomialShift does), which also
    works for negative values. A zero denominator, on which v5 raises
    ZeroDivisionError, is compared by magnitude instead.
    """
    if target is None:
        return value
    num, den = (target, value) if inverted else (value, target)
    if den == 0:
        if increasing:
            return target if abs(value) > abs(target) else value
        return target if abs(value) < abs(target) else value
    ratio = num / den
    if increasing != inverted:
        return target if ratio > 1 else value
    return target if ratio < 1 else value
