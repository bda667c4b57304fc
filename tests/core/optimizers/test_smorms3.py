import numpy
import pytest

import chainer
from chainer import optimizers


LR, EPS = 0.1, 1e-8


def reference(w, g, state, t):
    mem = state.get('mem', numpy.ones_like(w))
    gm = state.get('g', numpy.zeros_like(w))
    g2 = state.get('g2', numpy.zeros_like(w))
    r = 1 / (mem + 1)
    gm = (1 - r) * gm + r * g
    g2 = (1 - r) * g2 + r * g * g
    x = gm * gm / (g2 + EPS)
    w = w - g * numpy.minimum(x, LR) / (numpy.sqrt(g2) + EPS)
    state.update(mem=1 + mem * (1 - x), g=gm, g2=g2)
    return w


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_steps(check_steps, dtype, device):
    tol = {'atol': 1e-5, 'rtol': 1e-4} if dtype == numpy.float32 else None
    check_steps(optimizers.SMORMS3(lr=LR, eps=EPS), reference, dtype, device,
                tol=tol)


def test_defaults():
    opt = optimizers.SMORMS3()
    assert (opt.lr, opt.eps) == (0.001, 1e-16)


def test_override(check_override):
    check_override(lambda: optimizers.SMORMS3(lr=LR), 'lr', 0.01)


def test_state_keys(check_state_keys):
    check_state_keys(lambda: optimizers.SMORMS3(lr=LR), ['mem', 'g', 'g2'])


def test_float32_matches_v5_operation_order():
    # v5 updates the moments as (1 - r) * g + r * grad; in float32 that
    # rounds differently from g + r * (grad - g), so the rule must follow
    # the same operations to reproduce v5's numbers bit for bit.
    rng = numpy.random.RandomState(7)
    w = rng.uniform(-1, 1, (50,)).astype(numpy.float32)
    param = chainer.Parameter(w.copy())
    rule = optimizers.SMORMS3(lr=LR, eps=EPS).create_update_rule()
    mem = numpy.ones_like(w)
    gm = numpy.zeros_like(w)
    g2 = numpy.zeros_like(w)
    for _ in range(5):
        grad = rng.uniform(-1, 1, w.shape).astype(numpy.float32)
        param.grad = grad.copy()
        rule.update(param)
        r = 1 / (mem + 1)
        gm = (1 - r) * gm + r * grad
        g2 = (1 - r) * g2 + r * grad * grad
        x = gm * gm / (g2 + EPS)
        w -= grad * numpy.minimum(x, LR) / (numpy.sqrt(g2) + EPS)
        mem = 1 + mem * (1 - x)
        numpy.testing.assert_array_equal(param.array, w)
    numpy.testing.assert_array_equal(rule.state['g'], gm)
    numpy.testing.assert_array_equal(rule.state['g2'], g2)
    numpy.testing.assert_array_equal(rule.state['mem'], mem)
