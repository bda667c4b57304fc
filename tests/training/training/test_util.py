from chainer import training
from chainer.training import triggers
from chainer.training import util


def test_get_trigger_forms():
    assert util.get_trigger is training.get_trigger
    t = util.get_trigger((3, 'iteration'))
    assert isinstance(t, triggers.IntervalTrigger) and t.period == 3
    f = lambda trainer: True  # NOQA
    assert util.get_trigger(f) is f
    assert util.get_trigger(None)(None) is False
