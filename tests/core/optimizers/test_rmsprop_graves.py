import numpy
import pytest

from chainer import optimizers


LR, ALPHA, MOMENTUM, EPS = 0.01, 0.9, 0.8, 1e-3


def reference(w, g, state, t):
    n = ALPHA * state.get('n', numpy.zeros_like(w)) + (1 - ALPHA) * g * g
    gm = ALPHA * state.get('g', numpy.zeros_like(w)) + (1 - ALPHA) * g
    delta = (MOMENTUM * state.get('delta', numpy.zeros_like(w))
             - LR * g / numpy.sqrt(n - gm * gm + EPS))
    state.update(n=n, g=gm, delta=delta)
    return w + delta


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_steps(check_steps, dtype, device):
    opt = optimizers.RMSpropGraves(lr=LR, alpha=ALPHA, momentum=MOMENTUM,
                                   eps=EPS)
    check_steps(opt, reference, dtype, device)


def test_defaults():
    opt = optimizers.RMSpropGraves()
    assert (opt.lr, opt.alpha, opt.momentum, opt.eps) == (
        1e-4, 0.95, 0.9, 1e-4)


def test_override(check_override):
    check_override(lambda: optimizers.RMSpropGraves(lr=LR), 'momentum', 0.5)


def test_state_keys(check_state_keys):
    check_state_keys(lambda: optimizers.RMSpropGraves(lr=LR),
                     ['n', 'g', 'delta'])
