import io
import math

import numpy
import pytest

import chainer
from chainer import optimizers
from chainer import serializers


ALPHA, BETA1, BETA2, EPS = 0.05, 0.8, 0.5, 1e-6


def make_reference(eta=1.0, weight_decay_rate=0.0, amsgrad=False):
    def reference(w, g, state, t):
        m = state.get('m', numpy.zeros_like(w))
        v = state.get('v', numpy.zeros_like(w))
        m = m + (1 - BETA1) * (g - m)
        v = v + (1 - BETA2) * (g * g - v)
        vhat = v
        if amsgrad:
            vhat = numpy.maximum(state.get('vhat', numpy.zeros_like(w)), v)
        state.update(m=m, v=v, vhat=vhat)
        lr = ALPHA * math.sqrt(1 - BETA2 ** t) / (1 - BETA1 ** t)
        return w - eta * (lr * m / (numpy.sqrt(vhat) + EPS)
                          + weight_decay_rate * w)
    return reference


VARIANTS = [
    {},
    {'amsgrad': True},
    {'eta': 0.5, 'weight_decay_rate': 0.1},
    {'eta': 0.5, 'weight_decay_rate': 0.1, 'amsgrad': True},
]


@pytest.mark.parametrize('variant', VARIANTS)
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_steps(check_steps, dtype, device, variant):
    opt = optimizers.Adam(alpha=ALPHA, beta1=BETA1, beta2=BETA2, eps=EPS,
                          **variant)
    check_steps(opt, make_reference(**variant), dtype, device)


def test_amsgrad_differs_from_adam():
    # Guards the test above: with these gradients AMSGrad must matter.
    plain, ams = {}, {}
    rng = numpy.random.RandomState(0)
    w1 = w2 = numpy.zeros(50)
    for t in range(1, 5):
        g = rng.uniform(-1, 1, 50)
        w1 = make_reference()(w1, g, plain, t)
        w2 = make_reference(amsgrad=True)(w2, g, ams, t)
    assert not numpy.allclose(w1, w2, rtol=1e-2)


def test_defaults():
    opt = optimizers.Adam()
    assert (opt.alpha, opt.beta1, opt.beta2, opt.eps, opt.eta,
            opt.weight_decay_rate, opt.amsgrad) == (
        0.001, 0.9, 0.999, 1e-8, 1.0, 0, False)


def test_lr_property():
    opt = optimizers.Adam(alpha=0.1, beta1=0.8, beta2=0.7)
    with pytest.raises(RuntimeError):
        opt.lr
    for t in (1, 2, 5):
        opt.t = t
        expected = 0.1 * math.sqrt(1 - 0.7 ** t) / (1 - 0.8 ** t)
        assert opt.lr == pytest.approx(expected, rel=1e-15)
        assert opt.alpha_t == opt.lr
    rule = opt.create_update_rule()
    rule.t = 3
    assert rule.lr == pytest.approx(
        0.1 * math.sqrt(1 - 0.7 ** 3) / (1 - 0.8 ** 3), rel=1e-15)
    rule.hyperparam.alpha = 0.2
    assert rule.lr == pytest.approx(
        0.2 * math.sqrt(1 - 0.7 ** 3) / (1 - 0.8 ** 3), rel=1e-15)


def test_rule_uses_its_own_t():
    rule = optimizers.AdamRule(alpha=0.1)
    p = chainer.Parameter(numpy.zeros(3))
    p.grad = numpy.ones(3)
    rule.update(p)
    assert rule.t == 1
    # First step: m = 0.1, v = 0.001, lr = 0.1 * sqrt(0.001) / 0.1.
    expected = -(0.1 * math.sqrt(0.001) / 0.1) * 0.1 / (math.sqrt(0.001)
                                                         + 1e-8)
    numpy.testing.assert_allclose(p.array, expected, rtol=1e-12)


def test_amsgrad_state():
    rule = optimizers.Adam(amsgrad=True).create_update_rule()
    p = chainer.Parameter(numpy.zeros(3, numpy.float32))
    p.grad = numpy.ones(3, numpy.float32)
    rule.update(p)
    assert set(rule.state) == {'m', 'v', 'vhat'}


def test_eps_too_small_for_float16():
    model_param = chainer.Parameter(numpy.ones(3, numpy.float16))
    model_param.grad = numpy.ones(3, numpy.float16)
    with pytest.raises(ValueError, match='eps'):
        optimizers.AdamRule().update(model_param)
    # A representable eps works in plain float16.
    rule = optimizers.AdamRule(eps=1e-3, alpha=0.1)
    rule.update(model_param)
    assert model_param.array.dtype == numpy.float16
    step = math.sqrt(0.001) * 0.1 / (math.sqrt(0.001) + 1e-3)
    numpy.testing.assert_allclose(model_param.array, 1 - step, atol=1e-3)


def test_override(check_override):
    check_override(lambda: optimizers.Adam(alpha=ALPHA), 'beta1', 0.5)


@pytest.mark.parametrize('amsgrad', [False, True])
def test_state_keys(check_state_keys, amsgrad):
    keys = ['m', 'v', 'vhat'] if amsgrad else ['m', 'v']
    check_state_keys(lambda: optimizers.Adam(alpha=ALPHA, amsgrad=amsgrad),
                     keys)


def test_loads_v5_optimizer_npz_and_resumes():
    # The entries v5's save_npz(optimizer) writes for Adam(amsgrad=True):
    # t and epoch, then per parameter its rule's t and m, v, vhat.
    rng = numpy.random.RandomState(4)
    shapes = {'l1/W': (3, 4), 'l1/b': (4,)}
    entries = {'t': numpy.asarray(3), 'epoch': numpy.asarray(1)}
    for name, shape in shapes.items():
        entries[name + '/t'] = numpy.asarray(3)
        entries[name + '/m'] = rng.uniform(-1, 1, shape)
        entries[name + '/v'] = rng.uniform(0, 1, shape)
        entries[name + '/vhat'] = entries[name + '/v'] + 0.25
    buf = io.BytesIO()
    numpy.savez(buf, **entries)
    buf.seek(0)

    model = chainer.Chain()
    with model.init_scope():
        model.l1 = chainer.Link()
        with model.l1.init_scope():
            for name, shape in shapes.items():
                setattr(model.l1, name[3:],
                        chainer.Parameter(rng.uniform(-1, 1, shape)))
    opt = optimizers.Adam(alpha=ALPHA, beta1=BETA1, beta2=BETA2, eps=EPS,
                          amsgrad=True).setup(model)
    serializers.load_npz(buf, opt)
    assert (opt.t, opt.epoch) == (3, 1)

    params = {'l1/W': model.l1.W, 'l1/b': model.l1.b}
    expected = {}
    for name, p in params.items():
        g = rng.uniform(-1, 1, p.shape)
        p.grad = g
        m = entries[name + '/m'] + (1 - BETA1) * (g - entries[name + '/m'])
        v = entries[name + '/v'] + (1 - BETA2) * (g * g - entries[name + '/v'])
        vhat = numpy.maximum(entries[name + '/vhat'], v)
        # The step count goes on from the saved t: this is step 4.
        lr = ALPHA * math.sqrt(1 - BETA2 ** 4) / (1 - BETA1 ** 4)
        expected[name] = p.array - lr * m / (numpy.sqrt(vhat) + EPS)
    opt.update()
    for name, p in params.items():
        assert p.update_rule.t == 4
        numpy.testing.assert_allclose(p.array, expected[name], rtol=1e-12)
