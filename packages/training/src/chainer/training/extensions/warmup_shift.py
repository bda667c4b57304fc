"""Extension that warms an optimizer attribute up linearly."""
from chainer.training.extensions import _shift


class WarmupShift(_shift.ShiftBase):

    """Trainer extension to gradually warm up an optimizer attribute.

    The attribute is ``warmup_start`` before training and moves linearly to
    ``init`` over the first ``warmup_iter`` calls; afterwards this
    extension leaves it alone, so another shift may take over.

    Args:
        attr (str): Name of the attribute to shift.
        warmup_start (float): Value at the start of the warm-up.
        warmup_iter (int): Number of calls of the warm-up.
        init (float): Value at the end of the warm-up; the attribute's value
            when training starts by default.
        optimizer (~chainer.Optimizer): Target optimizer; the updater's
            main optimizer by default.
    """

    def __init__(self, attr, warmup_start, warmup_iter, init=None,
                 optimizer=None):
        super(WarmupShift, self).__init__(attr, init, optimizer)
        self._warmup_start = warmup_start
        self._warmup_iter = warmup_iter

    def _initial_value(self):
        return self._warmup_start

    def _value(self):
        if self._t > self._warmup_iter:
            return None
        progress = self._t / self._warmup_iter
        return self._warmup_start + (self._init - self._warmup_start) * \
            progress
