import numpy
import pytest

import chainer
from chainer import optimizers


LR, MOMENTUM = 0.1, 0.8


def reference(w, g, state, t):
    v = state.get('v', numpy.zeros_like(w))
    v = MOMENTUM * v - LR * g
    state['v'] = v
    return w + v


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_steps(check_steps, dtype, device):
    check_steps(optimizers.MomentumSGD(lr=LR, momentum=MOMENTUM), reference,
                dtype, device)


def test_defaults():
    opt = optimizers.MomentumSGD()
    assert (opt.lr, opt.momentum) == (0.01, 0.9)
    rule = optimizers.MomentumSGDRule(momentum=0.5)
    assert (rule.hyperparam.lr, rule.hyperparam.momentum) == (0.01, 0.5)


def test_state_dtype_follows_param():
    opt = optimizers.MomentumSGD()
    rule = opt.create_update_rule()
    assert rule.hyperparam.parent is opt.hyperparam
    p = chainer.Parameter(numpy.zeros(3, numpy.float32))
    p.grad = numpy.ones(3, numpy.float32)
    rule.update(p)
    assert rule.state['v'].dtype == numpy.float32
    numpy.testing.assert_allclose(rule.state['v'], -0.01)
    numpy.testing.assert_allclose(p.array, -0.01)


def test_override(check_override):
    check_override(lambda: optimizers.MomentumSGD(lr=LR), 'momentum', 0.5)


def test_state_keys(check_state_keys):
    check_state_keys(lambda: optimizers.MomentumSGD(lr=LR), ['v'])
