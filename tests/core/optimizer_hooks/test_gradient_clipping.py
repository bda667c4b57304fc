import numpy
import pytest

from chainer import optimizer_hooks
from chainer import optimizers


LR = 0.5


def test_attributes():
    hook = optimizer_hooks.GradientClipping(1.5)
    assert hook.threshold == 1.5
    assert (hook.name, hook.timing) == ('GradientClipping', 'pre')
    assert not getattr(hook, 'call_for_each_param', False)


@pytest.mark.parametrize('clipped', [True, False])
def test_clipping(make_setup, dtype, device, clipped):
    s = make_setup(dtype, device)
    norm = numpy.sqrt(sum((g * g).sum() for g in s.grads))
    threshold = norm / 2 if clipped else norm * 2
    opt = optimizers.SGD(lr=LR).setup(s.link)
    opt.add_hook(optimizer_hooks.GradientClipping(threshold))
    opt.update()
    rate = threshold / norm if clipped else 1.0
    grads = [g * rate for g in s.grads]
    s.check([w - LR * g for w, g in zip(s.arrays, grads)], grads)


def test_float16_norm_does_not_overflow(make_setup):
    # The squared norm (about 12 * 300^2 = 1e6) exceeds the float16 range.
    s = make_setup(numpy.float16, 'cpu', scale=300.0)
    norm = numpy.sqrt(sum((g * g).sum() for g in s.grads))
    assert norm ** 2 > 65504
    opt = optimizers.SGD(lr=LR).setup(s.link)
    opt.add_hook(optimizer_hooks.GradientClipping(1.0))
    opt.update()
    grads = [g / norm for g in s.grads]
    s.check([w - LR * g for w, g in zip(s.arrays, grads)], grads)
