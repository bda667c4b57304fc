import numpy

from chainer import optimizer_hooks
from chainer import optimizers


LOWER, UPPER, LR = -0.3, 0.5, 0.5


def test_attributes():
    hook = optimizer_hooks.GradientHardClipping(LOWER, UPPER)
    assert (hook.lower_bound, hook.upper_bound) == (LOWER, UPPER)
    assert (hook.name, hook.timing, hook.call_for_each_param) == (
        'GradientHardClipping', 'pre', True)


def test_as_optimizer_hook(make_setup, dtype, device):
    s = make_setup(dtype, device)
    opt = optimizers.SGD(lr=LR).setup(s.link)
    opt.add_hook(optimizer_hooks.GradientHardClipping(LOWER, UPPER))
    opt.update()
    grads = [numpy.clip(g, LOWER, UPPER) for g in s.grads]
    # The fixture's gradients reach beyond both bounds.
    assert any((g != c).any() for g, c in zip(s.grads, grads))
    s.check([w - LR * g for w, g in zip(s.arrays, grads)], grads)


def test_as_update_rule_hook(make_setup, dtype, device):
    s = make_setup(dtype, device)
    opt = optimizers.SGD(lr=LR).setup(s.link)
    s.link.W.update_rule.add_hook(
        optimizer_hooks.GradientHardClipping(LOWER, UPPER))
    opt.update()
    gW = numpy.clip(s.grads[0], LOWER, UPPER)
    s.check([s.arrays[0] - LR * gW, s.arrays[1] - LR * s.grads[1]])
