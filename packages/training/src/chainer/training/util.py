"""Helpers of the training package."""
from chainer.training.triggers import interval_trigger


def _never_fire_trigger(trainer):
    return False


def get_trigger(trigger):
    """Gets a trigger object.

    A trigger is a callable that takes the trainer and returns whether an
    event (calling an extension, stopping the loop) happens at this
    iteration.

    Args:
        trigger: A callable is returned as it is; ``None`` gives a trigger
            that never fires; a tuple such as ``(10, 'epoch')`` is passed
            to :class:`~chainer.training.triggers.IntervalTrigger`.

    Returns:
        A trigger object.
    """
    if callable(trigger):
        return trigger
    if trigger is None:
        return _never_fire_trigger
    return interval_trigger.IntervalTrigger(*trigger)
