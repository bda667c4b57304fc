import numpy
import pytest

from chainer import optimizers


LR, EPS = 0.1, 1e-3


def reference(w, g, state, t):
    h = state.get('h', numpy.zeros_like(w)) + g * g
    state['h'] = h
    return w - LR * g / (numpy.sqrt(h) + EPS)


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_steps(check_steps, dtype, device):
    check_steps(optimizers.AdaGrad(lr=LR, eps=EPS), reference, dtype, device)


def test_defaults():
    opt = optimizers.AdaGrad()
    assert (opt.lr, opt.eps) == (0.001, 1e-8)


def test_override(check_override):
    check_override(lambda: optimizers.AdaGrad(lr=LR), 'lr', 0.3)


def test_state_keys(check_state_keys):
    check_state_keys(lambda: optimizers.AdaGrad(lr=LR), ['h'])
