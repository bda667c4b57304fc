"""Shared checks for the optimizer tests.

``check_steps`` runs an optimizer for a few steps on a tiny two-level chain
and compares every parameter after every step with a float64 numpy
reference written by hand in each test module. ``check_state_keys`` checks
the serialized layout and a save/load round trip.
"""
import io

import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import serializers
from chainer import testing


TOLERANCES = {
    # float16 parameters are updated through a float32 master copy, so the
    # only error is the final rounding to float16 (half an ulp near 2).
    numpy.float16: {'atol': 2e-3, 'rtol': 2e-3},
    numpy.float32: {'atol': 1e-5, 'rtol': 1e-5},
    numpy.float64: {'atol': 1e-12, 'rtol': 1e-10},
}



@pytest.fixture(params=['cpu', pytest.param('gpu', marks=pytest.mark.gpu)])
def device(request):
    """Runs a test on CPU, and on GPU where one is available."""
    return request.param


def make_model(dtype, seed=0):
    """A chain ``model.l1`` with parameters ``W`` (3, 4) and ``b`` (4,)."""
    rng = numpy.random.RandomState(seed)
    model = chainer.Chain()
    with model.init_scope():
        model.l1 = chainer.Link()
        with model.l1.init_scope():
            model.l1.W = chainer.Parameter(
                rng.uniform(-1, 1, (3, 4)).astype(dtype))
            model.l1.b = chainer.Parameter(
                rng.uniform(-1, 1, (4,)).astype(dtype))
    return model


def _check_steps(optimizer, reference, dtype, device='cpu', steps=4,
                 fp32_update=None, tol=None):
    """Runs ``steps`` updates and checks them against ``reference``.

    ``reference(w, g, state, t)`` returns the new float64 parameter; it
    may keep its own per-parameter values in the dict ``state``.
    """
    dtype = numpy.dtype(dtype).type
    if fp32_update is None:
        fp32_update = dtype == numpy.float16
    if tol is None:
        tol = TOLERANCES[dtype]
    model = make_model(dtype)
    if device == 'gpu':
        model.to_gpu()
    if fp32_update:
        optimizer.use_fp32_update()
    assert optimizer.setup(model) is optimizer
    params = dict(model.namedparams())
    expected = {name: cuda.to_cpu(p.array).astype(numpy.float64)
                for name, p in params.items()}
    ref_states = {name: {} for name in params}
    rng = numpy.random.RandomState(1)
    xp = cuda.get_array_module(params['/l1/W'].array)
    for t in range(1, steps + 1):
        for name in sorted(params):
            p = params[name]
            g = rng.uniform(-1, 1, p.shape).astype(dtype)
            p.grad = xp.asarray(g)
            expected[name] = reference(
                expected[name], g.astype(numpy.float64), ref_states[name], t)
        optimizer.update()
        assert optimizer.t == t
        for name, p in params.items():
            assert p.array.dtype == dtype
            assert p.update_rule.t == t
            testing.assert_allclose(p.array, expected[name], **tol)


@pytest.fixture
def check_steps():
    return _check_steps


def _check_state_keys(make_optimizer, keys):
    """Checks the serialized keys and that a reloaded optimizer continues
    exactly like the original."""
    model = make_model(numpy.float32)
    opt = make_optimizer().setup(model)
    rng = numpy.random.RandomState(2)

    def step(opt, grads):
        for p, g in zip(opt.target.params(), grads):
            p.grad = g.copy()
        opt.update()

    grads = [[rng.uniform(-1, 1, p.shape).astype(numpy.float32)
              for p in model.params()] for _ in range(3)]
    step(opt, grads[0])
    step(opt, grads[1])

    target = {}
    opt.serialize(serializers.DictionarySerializer(target))
    expected = {'t', 'epoch'}
    for param in ('l1/W', 'l1/b'):
        expected.add(param + '/t')
        expected.update('%s/%s' % (param, k) for k in keys)
    assert set(target) == expected
    assert int(target['t']) == 2
    assert int(target['l1/W/t']) == 2

    buf = io.BytesIO()
    numpy.savez(buf, **target)
    buf.seek(0)
    model2 = make_model(numpy.float32)
    opt2 = make_optimizer().setup(model2)
    with numpy.load(buf) as npz:
        opt2.serialize(serializers.NpzDeserializer(npz))
    assert opt2.t == 2
    for p, p2 in zip(model.params(), model2.params()):
        assert p2.update_rule.t == 2
        assert set(p2.update_rule.state) == set(keys)
        for k in keys:
            testing.assert_allclose(p.update_rule.state[k],
                                    p2.update_rule.state[k], atol=0, rtol=0)
        p2.array[...] = p.array
    step(opt, grads[2])
    step(opt2, grads[2])
    for p, p2 in zip(model.params(), model2.params()):
        testing.assert_allclose(p.array, p2.array, atol=0, rtol=0)


@pytest.fixture
def check_state_keys():
    return _check_state_keys


def _check_override(make_optimizer, name, value, reference_lr_name=None):
    """A per-parameter override changes only that parameter's update."""
    model = make_model(numpy.float64)
    opt = make_optimizer().setup(model)
    W, b = model.l1.W, model.l1.b
    setattr(W.update_rule.hyperparam, name, value)
    assert getattr(W.update_rule.hyperparam, name) == value
    assert getattr(b.update_rule.hyperparam, name) == getattr(
        opt.hyperparam, name)
    assert getattr(opt.hyperparam, name) != value

    model2 = make_model(numpy.float64)
    opt2 = make_optimizer()
    setattr(opt2.hyperparam, name, value)
    opt2.setup(model2)
    rng = numpy.random.RandomState(3)
    for _ in range(3):
        for p, p2 in zip(model.params(), model2.params()):
            g = rng.uniform(-1, 1, p.shape)
            p.grad = g.copy()
            p2.grad = g.copy()
        opt.update()
        opt2.update()
    # W follows the optimizer configured with ``value`` everywhere...
    testing.assert_allclose(W.array, model2.l1.W.array, atol=0, rtol=0)
    # ...while b keeps the optimizer-wide value, hence differs.
    assert not numpy.allclose(b.array, model2.l1.b.array)


@pytest.fixture
def check_override():
    return _check_override
