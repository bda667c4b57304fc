import numpy

import chainer
from chainer import optimizer_hooks
from chainer import optimizers


RATE, LR = 0.2, 0.5


def test_attributes():
    hook = optimizer_hooks.WeightDecay(RATE)
    assert hook.rate == RATE
    assert (hook.name, hook.timing, hook.call_for_each_param) == (
        'WeightDecay', 'pre', True)


def test_as_optimizer_hook(make_setup, dtype, device):
    s = make_setup(dtype, device)
    opt = optimizers.SGD(lr=LR).setup(s.link)
    opt.add_hook(optimizer_hooks.WeightDecay(RATE))
    opt.update()
    grads = [g + RATE * w for w, g in zip(s.arrays, s.grads)]
    s.check([w - LR * g for w, g in zip(s.arrays, grads)], grads)


def test_as_update_rule_hook(make_setup, dtype, device):
    # Only W gets the hook; b is updated with its raw gradient.
    s = make_setup(dtype, device)
    opt = optimizers.SGD(lr=LR).setup(s.link)
    s.link.W.update_rule.add_hook(optimizer_hooks.WeightDecay(RATE))
    opt.update()
    gW = s.grads[0] + RATE * s.arrays[0]
    s.check([s.arrays[0] - LR * gW, s.arrays[1] - LR * s.grads[1]])


def test_post_timing(make_setup, device):
    # After the update the hook sees (and decays with) the new parameter.
    s = make_setup(numpy.float64, device)
    opt = optimizers.SGD(lr=LR).setup(s.link)
    opt.add_hook(optimizer_hooks.WeightDecay(RATE), timing='post')
    opt.update()
    new = [w - LR * g for w, g in zip(s.arrays, s.grads)]
    s.check(new, [g + RATE * w for w, g in zip(new, s.grads)])


def test_none_grad_is_skipped():
    p = chainer.Parameter(numpy.ones(3))
    p.grad = None
    optimizer_hooks.WeightDecay(RATE)(None, p)
    assert p.grad is None


