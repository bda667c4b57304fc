import copy
import doctest
import io
import pickle
import warnings

import numpy
import pytest

import chainer
from chainer import optimizer
from chainer import optimizer_hooks
from chainer import optimizers
from chainer import serializers
from chainer import testing


def make_model(dtype=numpy.float32):
    """``model.predictor.l1`` holds W (2, 3) and b (3,); ``model.s`` a
    scalar parameter."""
    rng = numpy.random.RandomState(0)
    model = chainer.Chain()
    with model.init_scope():
        model.predictor = chainer.Chain()
        with model.predictor.init_scope():
            model.predictor.l1 = chainer.Link()
            with model.predictor.l1.init_scope():
                model.predictor.l1.W = chainer.Parameter(
                    rng.uniform(-1, 1, (2, 3)).astype(dtype))
                model.predictor.l1.b = chainer.Parameter(
                    rng.uniform(-1, 1, (3,)).astype(dtype))
        model.s = chainer.Parameter(numpy.asarray(0.5, dtype))
    return model


def set_grads(model, seed=1):
    rng = numpy.random.RandomState(seed)
    for p in model.params():
        p.grad = rng.uniform(-1, 1, p.shape).astype(p.dtype)


class SimpleRule(optimizer.UpdateRule):
    """param -= lr * grad, recording its calls into ``log``."""

    def __init__(self, parent=None, log=None):
        super(SimpleRule, self).__init__(parent)
        self.log = log if log is not None else []

    def update_core_cpu(self, param):
        self.log.append(('update', param.grad.copy()))
        param.array -= self.hyperparam.lr * param.grad


def make_param(value=1.0, grad=0.5, shape=(3,), dtype=numpy.float64):
    p = chainer.Parameter(numpy.full(shape, value, dtype))
    p.grad = numpy.full(shape, grad, dtype)
    return p


# Hyperparameter -------------------------------------------------------------

class TestHyperparameter(object):

    def setup_method(self):
        self.parent = optimizer.Hyperparameter()
        self.parent.x = 1
        self.parent.y = 2
        self.child = optimizer.Hyperparameter(self.parent)
        self.child.y = 3
        self.child.z = 4

    def test_lookup(self):
        assert self.child.parent is self.parent
        assert (self.child.x, self.child.y, self.child.z) == (1, 3, 4)
        self.parent.x = 10
        assert self.child.x == 10
        assert self.parent.y == 2

    def test_missing(self):
        with pytest.raises(AttributeError):
            self.child.w
        with pytest.raises(AttributeError):
            optimizer.Hyperparameter().x

    def test_get_dict_and_repr(self):
        assert self.child.get_dict() == {'x': 1, 'y': 3, 'z': 4}
        assert self.parent.get_dict() == {'x': 1, 'y': 2}
        assert repr(self.child) == 'Hyperparameter(x=1, y=3, z=4)'

    def test_copy_and_pickle(self):
        for clone in (copy.deepcopy(self.child),
                      pickle.loads(pickle.dumps(self.child))):
            assert clone.get_dict() == {'x': 1, 'y': 3, 'z': 4}
            assert clone.parent is not self.parent


def test_hyperparameter_proxy():
    opt = optimizers.MomentumSGD(lr=0.1)
    assert isinstance(optimizers.MomentumSGD.lr,
                      optimizer.HyperparameterProxy)
    assert 'hyperparam.lr' in optimizers.MomentumSGD.lr.__doc__
    opt.lr = 0.3
    assert opt.hyperparam.lr == 0.3
    assert 'lr' in opt.hyperparam.__dict__


# UpdateRule -----------------------------------------------------------------

class TestUpdateRule(object):

    def setup_method(self):
        hp = optimizer.Hyperparameter()
        hp.lr = 0.1
        self.log = []
        self.rule = SimpleRule(hp, self.log)

    def test_update(self):
        p = make_param()
        self.rule.update(p)
        self.rule.update(p)
        assert self.rule.t == 2
        numpy.testing.assert_allclose(p.array, 0.9)
        assert self.rule.state == {}

    def test_disabled(self):
        self.rule.enabled = False
        p = make_param()
        self.rule.update(p)
        assert self.rule.t == 0
        assert self.rule.state is None
        numpy.testing.assert_array_equal(p.array, 1.0)

    def test_none_grad_skipped(self):
        p = make_param()
        p.grad = None
        self.rule.update(p)
        numpy.testing.assert_array_equal(p.array, 1.0)
        assert self.log == []

    def test_hook_order(self):
        def make_hook(tag):
            def hook(rule, param):
                assert rule is self.rule
                self.log.append((tag, param.array.copy()))
            return hook

        post = make_hook('post')
        post.timing = 'post'
        self.rule.add_hook(make_hook('pre1'), name='pre1')
        self.rule.add_hook(post, name='post')       # auto -> its timing
        self.rule.add_hook(make_hook('pre2'), name='pre2', timing='pre')
        p = make_param()
        self.rule.update(p)
        assert [entry[0] for entry in self.log] == [
            'pre1', 'pre2', 'update', 'post']
        numpy.testing.assert_allclose(self.log[1][1], 1.0)
        numpy.testing.assert_allclose(self.log[3][1], 0.95)

        self.rule.remove_hook('pre1')
        self.rule.remove_hook('post')
        del self.log[:]
        self.rule.update(p)
        assert [entry[0] for entry in self.log] == ['pre2', 'update']
        with pytest.raises(KeyError):
            self.rule.remove_hook('post')

    def test_hook_errors(self):
        with pytest.raises(TypeError):
            self.rule.add_hook(1)
        with pytest.raises(ValueError):
            self.rule.add_hook(lambda r, p: None, timing='middle')
        self.rule.add_hook(lambda r, p: None, name='h')
        with pytest.raises(ValueError):
            self.rule.add_hook(lambda r, p: None, name='h', timing='post')

        class Nameless(object):
            def __call__(self, rule, param):
                pass
        with pytest.raises(ValueError):
            self.rule.add_hook(Nameless())
        # A hook's ``name`` attribute is the default name.
        self.rule.add_hook(optimizer_hooks.WeightDecay(0.1))
        assert 'WeightDecay' in self.rule._pre_update_hooks

    def test_loss_scale(self):
        seen = []
        self.rule.add_hook(lambda rule, p: seen.append(p.grad.copy()),
                           name='spy')
        p = make_param(grad=2.0)
        p._loss_scale = 4.0
        self.rule.update(p)
        # The hook and the update see the unscaled gradient.
        numpy.testing.assert_allclose(seen[0], 0.5)
        numpy.testing.assert_allclose(p.array, 0.95)

    def test_not_implemented(self):
        rule = optimizer.UpdateRule()
        with pytest.raises(NotImplementedError):
            rule.update(make_param())


class TestFP32Update(object):

    def test_small_steps_accumulate(self):
        # 1e-4 steps are below half an ulp of float16 at 1.0 (4.9e-4): only
        # the float32 master copy can accumulate them.
        rules = [optimizers.SGDRule(lr=1e-4), optimizers.SGDRule(lr=1e-4)]
        rules[0].use_fp32_update()
        params = [make_param(1.0, 1.0, dtype=numpy.float16) for _ in rules]
        array = params[0].array
        for _ in range(10):
            for rule, p in zip(rules, params):
                p.grad = numpy.ones(3, numpy.float16)
                rule.update(p)
        assert params[0].array is array  # updated in place
        assert params[0].array.dtype == numpy.float16
        numpy.testing.assert_allclose(params[0].array, 0.999, atol=2e-4)
        numpy.testing.assert_array_equal(params[1].array, 1.0)
        assert rules[0]._fp32_param.array.dtype == numpy.float32
        assert rules[0]._fp32_param.grad is None

    def test_state_is_float32(self):
        rule = optimizers.MomentumSGDRule(lr=0.1)
        rule.use_fp32_update()
        p = make_param(dtype=numpy.float16)
        rule.update(p)
        assert rule.state['v'].dtype == numpy.float32
        numpy.testing.assert_allclose(p.array, 0.95, atol=1e-3)

    def test_other_dtypes_untouched(self):
        rule = optimizers.SGDRule(lr=0.1)
        rule.use_fp32_update()
        p = make_param(dtype=numpy.float32)
        rule.update(p)
        assert rule._fp32_param is None
        numpy.testing.assert_allclose(p.array, 0.95)

    def test_loss_scale(self):
        rule = optimizers.SGDRule(lr=0.1)
        rule.use_fp32_update()
        p = make_param(grad=8.0, dtype=numpy.float16)
        p._loss_scale = 16.0
        rule.update(p)
        numpy.testing.assert_allclose(p.array, 0.95, atol=1e-3)


def _npz_of(target):
    buf = io.BytesIO()
    numpy.savez(buf, **target)
    buf.seek(0)
    return numpy.load(buf)


class TestUpdateRuleSerialize(object):

    def test_round_trip(self):
        rule = optimizers.MomentumSGDRule(lr=0.1)
        p = make_param()
        rule.update(p)
        rule.update(p)
        target = {}
        rule.serialize(serializers.DictionarySerializer(target))
        assert set(target) == {'t', 'v'}
        numpy.testing.assert_allclose(target['v'], -0.05 * 1.9)

        fresh = optimizers.MomentumSGDRule(lr=0.1)
        serializers.NpzDeserializer(_npz_of(target)).load(fresh)
        assert fresh.t == 2
        numpy.testing.assert_array_equal(fresh.state['v'], rule.state['v'])

    def test_unused_rule_saves_only_t(self):
        rule = optimizers.AdamRule()
        target = {}
        rule.serialize(serializers.DictionarySerializer(target))
        assert set(target) == {'t'}
        # Loading such a snapshot leaves the state to lazy initialization.
        fresh = optimizers.AdamRule()
        serializers.NpzDeserializer(_npz_of(target), strict=False).load(fresh)
        assert fresh.state is None

    def test_missing_keys(self):
        target = {'t': numpy.asarray(3)}
        rule = optimizers.MomentumSGDRule()
        with pytest.raises(KeyError):
            serializers.NpzDeserializer(_npz_of(target)).load(rule)
        rule.enabled = False  # a frozen parameter may lack its state
        serializers.NpzDeserializer(_npz_of(target)).load(rule)
        assert rule.t == 3
        assert rule.state is None


# Optimizer and GradientMethod -----------------------------------------------

class TestOptimizer(object):

    def test_setup(self):
        opt = optimizers.SGD()
        model = make_model()
        assert opt.setup(model) is opt
        assert opt.target is model
        assert (opt.t, opt.epoch) == (0, 0)
        for p in model.params():
            assert isinstance(p.update_rule, optimizers.SGDRule)
            assert p.update_rule.hyperparam.parent is opt.hyperparam
        with pytest.raises(TypeError):
            opt.setup(numpy.zeros(3))

    def test_base_update_not_implemented(self):
        opt = optimizer.Optimizer()
        opt.setup(make_model())
        with pytest.raises(NotImplementedError):
            opt.update()

    def test_new_epoch(self):
        opt = optimizer.Optimizer()
        opt.new_epoch()
        assert opt.epoch == 1
        with pytest.raises(RuntimeError):
            opt.new_epoch(auto=True)
        opt.use_auto_new_epoch = True
        opt.new_epoch(auto=True)
        assert opt.epoch == 2
        with pytest.raises(RuntimeError):
            opt.new_epoch()
        assert opt.epoch == 2

    def test_add_hook_before_setup(self):
        with pytest.raises(RuntimeError):
            optimizers.SGD().add_hook(optimizer_hooks.WeightDecay(0.1))

    def test_add_hook_errors(self):
        opt = optimizers.SGD().setup(make_model())
        with pytest.raises(TypeError):
            opt.add_hook(3)
        with pytest.raises(ValueError):
            opt.add_hook(optimizer_hooks.WeightDecay(0.1), timing='never')
        opt.add_hook(optimizer_hooks.WeightDecay(0.1))
        with pytest.raises(KeyError):
            opt.add_hook(optimizer_hooks.Lasso(0.1), name='WeightDecay')
        with pytest.raises(ValueError):
            opt.call_hooks('never')
        opt.remove_hook('WeightDecay')
        with pytest.raises(KeyError):
            opt.remove_hook('WeightDecay')

    def test_hook_without_timing_warns(self):
        opt = optimizers.SGD().setup(make_model())

        def hook(opt):
            pass
        hook.name = 'plain'
        with pytest.warns(UserWarning, match='timing'):
            opt.add_hook(hook)
        assert 'plain' in opt._pre_update_hooks

    def test_hook_timing_and_order(self):
        model = make_model()
        opt = optimizers.SGD(lr=0.5).setup(model)
        W = model.predictor.l1.W
        log = []

        def make_hook(tag, timing=None):
            def hook(o):
                log.append((tag, o.t, W.array.copy()))
            hook.name = tag
            if timing:
                hook.timing = timing
            return hook

        class PerParam(object):
            name = 'per_param'
            call_for_each_param = True
            timing = 'post'

            def __call__(self, rule, param):
                log.append(('per_param', rule.t, param.name))

        opt.add_hook(make_hook('post1', 'post'))
        opt.add_hook(make_hook('pre1', 'pre'))
        opt.add_hook(PerParam())
        opt.add_hook(make_hook('pre2', 'post'), timing='pre')
        W0 = W.array.copy()
        set_grads(model)
        opt.update()
        tags = [entry[0] for entry in log]
        assert tags == ['pre1', 'pre2', 'post1'] + ['per_param'] * 3
        # 'pre' hooks run before the step count and the parameters change.
        assert log[0][1] == 0 and log[2][1] == 1
        numpy.testing.assert_array_equal(log[0][2], W0)
        assert not numpy.allclose(log[2][2], W0)
        assert sorted(entry[2] for entry in log[3:]) == ['W', 'b', 's']
        assert all(entry[1] == 1 for entry in log[3:])

    def test_update_with_lossfun(self):
        model = make_model(numpy.float64)
        W = model.predictor.l1.W
        W0 = W.array.copy()
        for p in model.params():   # stale gradients must be cleared
            p.grad = numpy.full(p.shape, 100.0)
        opt = optimizers.SGD(lr=0.1).setup(model)
        x = numpy.arange(6.0).reshape(2, 3)
        calls = []

        def lossfun(a, scale=1.0):
            calls.append((a, scale))
            return chainer.functions.sum(W * a) * scale

        opt.update(lossfun, x, scale=2.0)
        assert len(calls) == 1 and calls[0][1] == 2.0
        assert opt.t == 1
        numpy.testing.assert_allclose(W.array, W0 - 0.1 * 2.0 * x)
        numpy.testing.assert_allclose(W.grad, 2.0 * x)
        # Parameters the loss does not use got zero gradients.
        numpy.testing.assert_array_equal(model.s.grad, 0)
        numpy.testing.assert_array_equal(model.s.array, 0.5)

    def test_loss_scale(self):
        results = []
        for scale in (None, 1024.0):
            model = make_model(numpy.float64)
            opt = optimizers.MomentumSGD(lr=0.1).setup(model)
            if scale is not None:
                opt.set_loss_scale(scale)
            W = model.predictor.l1.W
            x = numpy.arange(6.0).reshape(2, 3)
            for _ in range(2):
                opt.update(lambda: chainer.functions.sum(W * W * x))
            results.append(W.array.copy())
            if scale is not None:
                assert W._loss_scale == scale
        numpy.testing.assert_allclose(results[0], results[1], rtol=1e-12)

    def test_reallocate_cleared_grads(self):
        model = make_model()
        opt = optimizers.SGD().setup(model)
        model.cleargrads()
        opt.update()
        for p in model.params():
            assert p.grad is not None
            numpy.testing.assert_array_equal(p.grad, 0)

    def test_use_cleargrads_deprecated(self):
        model = make_model()
        opt = optimizers.SGD().setup(model)
        with pytest.warns(DeprecationWarning):
            opt.use_cleargrads(False)
        W = model.predictor.l1.W
        with warnings.catch_warnings():
            warnings.simplefilter('ignore', DeprecationWarning)
            opt.update(lambda: chainer.functions.sum(W))
        numpy.testing.assert_array_equal(W.grad, 1)

    def test_disabled_rule(self):
        model = make_model()
        opt = optimizers.SGD(lr=0.1).setup(model)
        W = model.predictor.l1.W
        W.update_rule.enabled = False
        W0 = W.array.copy()
        b0 = model.predictor.l1.b.array.copy()
        set_grads(model)
        opt.update()
        numpy.testing.assert_array_equal(W.array, W0)
        assert not numpy.allclose(model.predictor.l1.b.array, b0)
        assert W.update_rule.t == 0

    def test_use_fp32_update(self):
        model = make_model(numpy.float16)
        opt = optimizers.SGD(lr=1e-4)
        opt.use_fp32_update()
        opt.setup(model)
        assert all(p.update_rule._use_fp32_update for p in model.params())
        opt.use_fp32_update(False)
        assert not any(p.update_rule._use_fp32_update
                       for p in model.params())
        opt.use_fp32_update()
        s0 = float(model.s.array)
        for _ in range(10):
            model.s.grad = numpy.asarray(1.0, numpy.float16)
            opt.update()
        assert float(model.s.array) == pytest.approx(s0 - 1e-3, abs=3e-4)

    def test_deepcopy(self):
        model = make_model()
        opt = optimizers.Adam().setup(model)
        set_grads(model)
        opt.update()
        opt2 = copy.deepcopy(opt)
        assert opt2.alpha == opt.alpha
        W2 = opt2.target.predictor.l1.W
        assert W2.update_rule.hyperparam.parent is opt2.hyperparam
        numpy.testing.assert_array_equal(
            W2.update_rule.state['m'],
            opt.target.predictor.l1.W.update_rule.state['m'])


class TestOptimizerSerialize(object):

    def _trained(self, make_optimizer):
        model = make_model()
        opt = make_optimizer().setup(model)
        for seed in range(3):
            set_grads(model, seed)
            opt.update()
        opt.new_epoch()
        return model, opt

    def test_key_layout(self):
        model, opt = self._trained(optimizers.MomentumSGD)
        target = {}
        serializers.DictionarySerializer(target).save(opt)
        assert set(target) == {
            't', 'epoch',
            'predictor/l1/W/t', 'predictor/l1/W/v',
            'predictor/l1/b/t', 'predictor/l1/b/v',
            's/t', 's/v'}
        assert int(target['t']) == 3 and int(target['epoch']) == 1
        numpy.testing.assert_array_equal(
            target['predictor/l1/W/v'],
            model.predictor.l1.W.update_rule.state['v'])

    def test_parameter_without_rule_is_skipped(self):
        model, opt = self._trained(optimizers.SGD)
        model.s.update_rule = None
        target = {}
        serializers.DictionarySerializer(target).save(opt)
        assert set(target) == {'t', 'epoch', 'predictor/l1/W/t',
                               'predictor/l1/b/t'}

    def test_round_trip_through_npz(self, tmp_path):
        model, opt = self._trained(optimizers.Adam)
        path = str(tmp_path / 'opt.npz')
        serializers.save_npz(path, opt)
        model2 = make_model()
        opt2 = optimizers.Adam().setup(model2)
        serializers.load_npz(path, opt2)
        assert (opt2.t, opt2.epoch) == (3, 1)
        for (name, p), (_, p2) in zip(sorted(model.namedparams()),
                                      sorted(model2.namedparams())):
            assert p2.update_rule.t == 3
            for key in ('m', 'v'):
                testing.assert_allclose(p.update_rule.state[key],
                                        p2.update_rule.state[key],
                                        atol=0, rtol=0)


# Module-level names ---------------------------------------------------------

@pytest.mark.parametrize('name', ['WeightDecay', 'Lasso', 'GradientClipping',
                                  'GradientHardClipping', 'GradientNoise'])
def test_deprecated_hook_aliases(name):
    with pytest.warns(DeprecationWarning, match='optimizer_hooks'):
        cls = getattr(optimizer, name)
    assert cls is getattr(optimizer_hooks, name)


def test_unknown_attribute():
    with pytest.raises(AttributeError):
        optimizer.NoSuchThing


def test_top_level_names():
    assert chainer.Optimizer is optimizer.Optimizer
    assert chainer.GradientMethod is optimizer.GradientMethod
    assert chainer.UpdateRule is optimizer.UpdateRule


def test_doctests():
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner()
    tests = finder.find(optimizer, 'chainer.optimizer', globs={})
    assert sum(len(t.examples) for t in tests) > 5
    for test in tests:
        runner.run(test)
    assert runner.failures == 0
