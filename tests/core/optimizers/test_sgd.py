import numpy
import pytest

from chainer import optimizers


LR = 0.1


def reference(w, g, state, t):
    return w - LR * g


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_steps(check_steps, dtype, device):
    check_steps(optimizers.SGD(lr=LR), reference, dtype, device)


def test_float16_without_fp32_update(check_steps):
    check_steps(optimizers.SGD(lr=LR), reference, numpy.float16,
                fp32_update=False, tol={'atol': 5e-3, 'rtol': 5e-3})


def test_defaults():
    opt = optimizers.SGD()
    assert opt.lr == 0.01
    assert opt.hyperparam.lr == 0.01
    opt.lr = 0.5
    assert opt.hyperparam.lr == 0.5


def test_rule_standalone():
    rule = optimizers.SGDRule(lr=0.25)
    assert rule.hyperparam.lr == 0.25
    assert optimizers.SGDRule().hyperparam.lr == 0.01


def test_override(check_override):
    check_override(lambda: optimizers.SGD(lr=LR), 'lr', 0.3)


def test_state_keys(check_state_keys):
    check_state_keys(lambda: optimizers.SGD(lr=LR), [])
