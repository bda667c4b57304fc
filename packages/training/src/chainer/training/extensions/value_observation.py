"""Extensions that record a value computed from the trainer."""
from chainer.training import extension


def observe_value(observation_key, target_func):
    """Returns a trainer extension to continuously record a value.

    Args:
        observation_key (str): Key under which the value is stored in the
            trainer's observation.
        target_func: Function that takes the trainer and returns the value.

    Returns:
        The extension function (trigger ``(1, 'epoch')``, priority
        ``PRIORITY_WRITER``).
    """
    @extension.make_extension(trigger=(1, 'epoch'),
                              priority=extension.PRIORITY_WRITER)
    def _observe_value(trainer):
        trainer.observation[observation_key] = target_func(trainer)

    return _observe_value


def observe_lr(optimizer_name='main', observation_key='lr'):
    """Returns a trainer extension to record the learning rate.

    Args:
        optimizer_name (str): Name of the optimizer whose ``lr`` is
            recorded.
        observation_key (str): Key of the observation.

    Returns:
        The extension function.
    """
    return observe_value(
        observation_key,
        lambda trainer: trainer.updater.get_optimizer(optimizer_name).lr)
