import numpy
import pytest

from chainer import optimizers


RHO, EPS = 0.9, 1e-2


def reference(w, g, state, t):
    msg = state.get('msg', numpy.zeros_like(w))
    msdx = state.get('msdx', numpy.zeros_like(w))
    msg = RHO * msg + (1 - RHO) * g * g
    dx = numpy.sqrt((msdx + EPS) / (msg + EPS)) * g
    msdx = RHO * msdx + (1 - RHO) * dx * dx
    state['msg'], state['msdx'] = msg, msdx
    return w - dx


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_steps(check_steps, dtype, device):
    check_steps(optimizers.AdaDelta(rho=RHO, eps=EPS), reference, dtype,
                device)


def test_defaults():
    opt = optimizers.AdaDelta()
    assert (opt.rho, opt.eps) == (0.95, 1e-6)


def test_override(check_override):
    check_override(lambda: optimizers.AdaDelta(eps=EPS), 'rho', 0.5)


def test_state_keys(check_state_keys):
    check_state_keys(lambda: optimizers.AdaDelta(eps=EPS), ['msg', 'msdx'])
