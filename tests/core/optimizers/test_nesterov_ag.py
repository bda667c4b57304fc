import numpy
import pytest

from chainer import optimizers


LR, MOMENTUM = 0.05, 0.8


def reference(w, g, state, t):
    v = state.get('v', numpy.zeros_like(w))
    v = MOMENTUM * v - LR * g
    state['v'] = v
    return w + MOMENTUM ** 2 * v - (1 + MOMENTUM) * LR * g


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_steps(check_steps, dtype, device):
    check_steps(optimizers.NesterovAG(lr=LR, momentum=MOMENTUM), reference,
                dtype, device)


def test_defaults():
    opt = optimizers.NesterovAG()
    assert (opt.lr, opt.momentum) == (0.01, 0.9)


def test_override(check_override):
    check_override(lambda: optimizers.NesterovAG(lr=LR), 'momentum', 0.5)


def test_state_keys(check_state_keys):
    check_state_keys(lambda: optimizers.NesterovAG(lr=LR), ['v'])
