import numpy
import pytest

from chainer.backends import cuda
from chainer import optimizer_hooks
from chainer.optimizer_hooks import gradient_noise
from chainer import optimizers


ETA, LR = 0.3, 0.5


def test_attributes():
    hook = optimizer_hooks.GradientNoise(ETA)
    assert hook.eta == ETA
    assert hook.noise_func is gradient_noise.exponential_decay_noise
    assert (hook.name, hook.timing, hook.call_for_each_param) == (
        'GradientNoise', 'pre', True)


def test_custom_noise_func(make_setup, dtype, device):
    s = make_setup(dtype, device)
    calls = []

    def noise(xp, shape, dtype_, hook, rule):
        calls.append((xp, shape, dtype_, hook, rule.t))
        return xp.full(shape, 0.25, dtype_)

    opt = optimizers.SGD(lr=LR).setup(s.link)
    hook = optimizer_hooks.GradientNoise(ETA, noise_func=noise)
    opt.add_hook(hook)
    opt.update()
    xp = cuda.get_array_module(s.link.W.array)
    assert calls == [(xp, (3, 4), numpy.dtype(dtype), hook, 0),
                     (xp, (4,), numpy.dtype(dtype), hook, 0)]
    grads = [g + 0.25 for g in s.grads]
    s.check([w - LR * g for w, g in zip(s.arrays, grads)], grads)


@pytest.mark.parametrize('t', [0, 4])
def test_exponential_decay_noise(t):
    class Rule(object):
        pass
    rule = Rule()
    rule.t = t
    hook = optimizer_hooks.GradientNoise(ETA)
    numpy.random.seed(0)
    noise = gradient_noise.exponential_decay_noise(
        numpy, (1000,), numpy.float32, hook, rule)
    assert noise.dtype == numpy.float32
    numpy.random.seed(0)
    std = numpy.sqrt(ETA / (1 + t) ** 0.55)
    numpy.testing.assert_allclose(
        noise, numpy.random.normal(0, std, (1000,)).astype(numpy.float32))
    assert abs(noise.std() - std) < 0.1 * std


def test_default_noise_as_rule_hook(make_setup):
    s = make_setup(numpy.float64, 'cpu')
    opt = optimizers.SGD(lr=LR).setup(s.link)
    s.link.W.update_rule.add_hook(optimizer_hooks.GradientNoise(ETA))
    numpy.random.seed(1)
    opt.update()
    numpy.random.seed(1)
    # Inside the rule, t has already been incremented to 1.
    std = numpy.sqrt(ETA / 2 ** 0.55)
    gW = s.grads[0] + numpy.random.normal(0, std, (3, 4))
    s.check([s.arrays[0] - LR * gW, s.arrays[1] - LR * s.grads[1]])
