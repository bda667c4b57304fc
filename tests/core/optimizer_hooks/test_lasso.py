import numpy

from chainer import optimizer_hooks
from chainer import optimizers


RATE, LR = 0.2, 0.5


def test_attributes():
    hook = optimizer_hooks.Lasso(RATE)
    assert hook.rate == RATE
    assert (hook.name, hook.timing, hook.call_for_each_param) == (
        'Lasso', 'pre', True)


def test_as_optimizer_hook(make_setup, dtype, device):
    s = make_setup(dtype, device)
    # An exact zero has sign 0 and gets no penalty.
    s.link.b.array[0] = 0
    s.arrays[1][0] = 0
    opt = optimizers.SGD(lr=LR).setup(s.link)
    opt.add_hook(optimizer_hooks.Lasso(RATE))
    opt.update()
    grads = [g + RATE * numpy.sign(w) for w, g in zip(s.arrays, s.grads)]
    assert grads[1][0] == s.grads[1][0]
    s.check([w - LR * g for w, g in zip(s.arrays, grads)], grads)


def test_as_update_rule_hook(make_setup, dtype, device):
    s = make_setup(dtype, device)
    opt = optimizers.SGD(lr=LR).setup(s.link)
    s.link.b.update_rule.add_hook(optimizer_hooks.Lasso(RATE))
    opt.update()
    gb = s.grads[1] + RATE * numpy.sign(s.arrays[1])
    s.check([s.arrays[0] - LR * s.grads[0], s.arrays[1] - LR * gb])
