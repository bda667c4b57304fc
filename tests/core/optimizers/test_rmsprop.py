import numpy
import pytest

import chainer
from chainer import optimizers


LR, ALPHA, EPS = 0.05, 0.9, 1e-3


def make_reference(eps_inside_sqrt):
    def reference(w, g, state, t):
        ms = ALPHA * state.get('ms', numpy.zeros_like(w)) + (1 - ALPHA) * g * g
        state['ms'] = ms
        if eps_inside_sqrt:
            return w - LR * g / numpy.sqrt(ms + EPS)
        return w - LR * g / (numpy.sqrt(ms) + EPS)
    return reference


@pytest.mark.parametrize('eps_inside_sqrt', [False, True])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_steps(check_steps, dtype, device, eps_inside_sqrt):
    opt = optimizers.RMSprop(lr=LR, alpha=ALPHA, eps=EPS,
                             eps_inside_sqrt=eps_inside_sqrt)
    check_steps(opt, make_reference(eps_inside_sqrt), dtype, device)


def test_defaults():
    opt = optimizers.RMSprop()
    assert (opt.lr, opt.alpha, opt.eps, opt.eps_inside_sqrt) == (
        0.01, 0.99, 1e-8, False)


def test_eps_too_small_for_float16():
    rule = optimizers.RMSpropRule()
    p = chainer.Parameter(numpy.ones(3, numpy.float16))
    p.grad = numpy.ones(3, numpy.float16)
    with pytest.raises(ValueError, match='eps'):
        rule.update(p)


def test_override(check_override):
    check_override(lambda: optimizers.RMSprop(lr=LR, eps=EPS), 'alpha', 0.5)


def test_state_keys(check_state_keys):
    check_state_keys(lambda: optimizers.RMSprop(lr=LR), ['ms'])
