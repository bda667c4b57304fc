import numpy
import pytest

import chainer
from chainer import optimizers


LR, MOMENTUM = 0.1, 0.8


def reference(w, g, state, t):
    # The velocity excludes the learning rate, unlike MomentumSGD.
    v = state.get('v', numpy.zeros_like(w))
    v = MOMENTUM * v - g
    state['v'] = v
    return w + LR * v


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_steps(check_steps, dtype, device):
    check_steps(optimizers.CorrectedMomentumSGD(lr=LR, momentum=MOMENTUM),
                reference, dtype, device)


def test_differs_from_momentum_sgd_after_lr_change():
    rules = [optimizers.CorrectedMomentumSGDRule(lr=0.1, momentum=0.9),
             optimizers.MomentumSGDRule(lr=0.1, momentum=0.9)]
    params = [chainer.Parameter(numpy.zeros(2)) for _ in rules]
    for step in range(2):
        for rule, p in zip(rules, params):
            if step == 1:
                rule.hyperparam.lr = 0.5
            p.grad = numpy.ones(2)
            rule.update(p)
    # corrected: v = -1 -> -1.9, w = -0.1 - 0.95; plain: v = -0.1 -> -0.59
    numpy.testing.assert_allclose(params[0].array, -1.05)
    numpy.testing.assert_allclose(params[1].array, -0.69)


def test_defaults():
    opt = optimizers.CorrectedMomentumSGD()
    assert (opt.lr, opt.momentum) == (0.01, 0.9)


def test_override(check_override):
    check_override(lambda: optimizers.CorrectedMomentumSGD(lr=LR), 'lr', 0.3)


def test_state_keys(check_state_keys):
    check_state_keys(lambda: optimizers.CorrectedMomentumSGD(lr=LR), ['v'])
