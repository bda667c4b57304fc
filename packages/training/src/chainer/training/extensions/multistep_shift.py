"""Extension that shifts an optimizer attribute at given call counts."""
from chainer.training.extensions import _shift


class MultistepShift(_shift.ShiftBase):

    """Trainer extension to shift an optimizer attribute at given steps.

    The attribute is ``init * gamma ** k`` after a call, where ``k`` counts
    the entries of ``step_value`` reached so far. As in v5, the entries are
    taken in the order given and at most one per call: the ``k``-th step is
    taken at the first call whose count is at least ``step_value[k]``.

    Only the call count is saved in snapshots, as in v5, so ``k`` starts
    again from 0 after a resume and catches up one step per call;
    ``initialize`` sets the attribute to ``init`` again. This reproduces
    how v5 resumes.

    Args:
        attr (str): Name of the attribute to shift.
        gamma (float): Factor applied at each step.
        step_value (list of int): Call counts at which a step happens.
        init (float): Initial value; the attribute's value when ``None``.
        optimizer (~chainer.Optimizer): Target optimizer; the updater's
            main optimizer by default.
    """

    def __init__(self, attr, gamma, step_value, init, optimizer=None):
        super(MultistepShift, self).__init__(attr, init, optimizer)
        self._gamma = gamma
        self._step_value = step_value
        self._current_step = 0

    def initialize(self, trainer):
        optimizer = self._get_optimizer(trainer)
        if self._init is None:
            self._init = getattr(optimizer, self._attr)
        else:
            self._update_value(optimizer, self._init)

    def _value(self):
        if (self._current_step < len(self._step_value) and
                self._t >= self._step_value[self._current_step]):
            self._current_step += 1
        return self._init * self._gamma ** self._current_step

    def serialize(self, serializer):
        self._t = serializer('_t', self._t)
