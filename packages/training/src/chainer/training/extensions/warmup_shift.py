"""Extension that warms an optimizer attribute up linearly."""
from chainer.training.extensions import _shift


class WarmupShift(_shift.ShiftBase):

    """Trainer extension to gradually warm up an optimizer attribute.

    ``initialize`` sets the attribute to ``warmup_start``; the ``t``-th
    call (``t <= warmup_iter``) sets it to
    ``(t * init + (warmup_iter - t) * warmup_start) / warmup_iter``; later
    calls leave it alone, so another shift may take over.

    Only the call count is saved in snapshots, as in v5, and
    ``initialize`` sets ``warmup_start`` again after a resume: this is how
    v5 resumes.

    Args:
        attr (str): Name of the attribute to shift.
        warmup_start (float): Value at the start of the warm-up; the
            attribute's value when ``None``.
        warmup_iter (int): Number of calls of the warm-up.
        init (float): Value at the end of the warm-up; the attribute's value
            when training starts if ``None`` (v5 requires it).
        optimizer (~chainer.Optimizer): Target optimizer; the updater's
            main optimizer by default.
    """

    def __init__(self, attr, warmup_start, warmup_iter, init=None,
                 optimizer=None):
        super(WarmupShift, self).__init__(attr, init, optimizer)
        self._warmup_start = warmup_start
        self._warmup_iter = warmup_iter

    def initialize(self, trainer):
        optimizer = self._get_optimizer(trainer)
        if self._init is None:
            self._init = getattr(optimizer, self._attr)
        if self._warmup_start is None:
            self._warmup_start = getattr(optimizer, self._attr)
        else:
            self._update_value(optimizer, self._warmup_start)

    def _value(self):
        if self._t > self._warmup_iter:
            return None
        # v5's formula, with its rounding.
        return (self._t * self._init + (self._warmup_iter - self._t)
                * self._warmup_start) / self._warmup_iter

    def serialize(self, serializer):
        self._t = serializer('_t', self._t)
