import copy
import pickle

import numpy
import pytest

import chainer
import chainer.functions as F
from chainer import testing
from chainer.graph_optimizations import static_graph as sg_module


def _schedules(model):
    return model.schedule_manager.schedules


def _assert_replayed(model, x):
    y = model(x)
    assert isinstance(y.creator, sg_module.StaticScheduleFunction)


def _captured_backward_steps(model):
    """Number of backward steps replayed as array-level gradient code."""
    n = 0
    for sched in _schedules(model).values():
        for step in sched.backward_steps:
            n += any(type(plan) is tuple and seen >= 2
                     for plan, seen in step.plans.values())
    return n


def _relu_mlp_reference(model, x):
    """Numpy forward of conftest.MLP (an independent reference)."""
    h = numpy.maximum(x.dot(model.W1.array.T) + model.b1.array, 0)
    h = numpy.maximum(h.dot(model.W2.array.T) + model.b2.array, 0)
    return h.dot(model.W3.array.T)


def test_public_names():
    assert chainer.static_graph is sg_module.static_graph
    assert chainer.static_code is sg_module.static_code
    assert chainer.graph_optimizations.static_graph.static_graph is \
        chainer.static_graph


@pytest.mark.parametrize('n_iter', [5])
def test_mlp_training_matches_define_by_run(sg, rng, n_iter):
    dyn, sta = sg.MLP(), sg.StaticMLP()
    for i in range(n_iter):
        x = rng.uniform(-1, 1, (4, 6))
        t = rng.uniform(-1, 1, (4, 3))
        expected_y = _relu_mlp_reference(dyn, x)
        numpy.testing.assert_allclose(sta(x).array, expected_y, rtol=1e-12)
        loss_d = sg.sgd_step(dyn, x, t)
        loss_s = sg.sgd_step(sta, x, t)
        assert loss_s == pytest.approx(loss_d, rel=1e-12)
        sg.assert_same_params(dyn, sta)
    sched = list(_schedules(sta).values())
    assert len(sched) == 1
    assert len(sched[0].steps) == 5  # linear, relu, linear, relu, linear
    assert _captured_backward_steps(sta) == 3  # the linear ones
    _assert_replayed(sta, x)


def test_convnet_training_matches_define_by_run(sg, rng):
    dyn, sta = sg.ConvNet(), sg.StaticConvNet()
    for i in range(4):
        x = rng.uniform(-1, 1, (2, 1, 6, 6))
        t = rng.uniform(-1, 1, (2, 4))
        loss_d = sg.sgd_step(dyn, x, t)
        loss_s = sg.sgd_step(sta, x, t)
        assert loss_s == pytest.approx(loss_d, rel=1e-12)
        sg.assert_same_params(dyn, sta)
    assert _captured_backward_steps(sta) == 3  # conv, conv, linear
    _assert_replayed(sta, x)


def test_replay_does_not_run_python_code(rng):
    calls = []

    class Model(chainer.Chain):
        def __init__(self):
            super(Model, self).__init__()
            with self.init_scope():
                self.W = chainer.Parameter(numpy.eye(3))

        @chainer.static_graph
        def forward(self, x):
            calls.append(1)
            return F.linear(x, self.W) * 2.0

    m = Model()
    x = rng.uniform(-1, 1, (2, 3))
    for i in range(3):
        numpy.testing.assert_allclose(m(x).array, 2 * x)
    assert len(calls) == 1  # only the recording call ran the Python code


def test_static_code_runs_every_call(rng):
    log = []

    class Model(chainer.Chain):
        def __init__(self):
            super(Model, self).__init__()
            with self.init_scope():
                self.W = chainer.Parameter(numpy.eye(3))

        @chainer.static_code
        def report(self, inputs):
            log.append(inputs[0].copy())

        @chainer.static_code
        def noise(self, shape):
            return numpy.random.uniform(-1, 1, shape)

        @chainer.static_graph
        def forward(self, x):
            h = F.linear(x, self.W)
            self.report(inputs=[h.array])
            n = chainer.Variable(self.noise(h.shape))
            return h + n

    m = Model()
    for i in range(3):
        x = rng.uniform(-1, 1, (2, 3))
        numpy.random.seed(i)
        expected_noise = numpy.random.uniform(-1, 1, (2, 3))
        numpy.random.seed(i)
        y = m(x)
        # The logged array is this call's h, and the noise is drawn anew.
        numpy.testing.assert_allclose(log[-1], x)
        numpy.testing.assert_allclose(y.array, x + expected_noise)
    assert len(log) == 3


def test_separate_schedules_per_signature(sg, rng):
    dyn, sta = sg.MLP(), sg.StaticMLP()
    for shape in [(4, 6), (2, 6), (4, 6), (2, 6)]:
        x = rng.uniform(-1, 1, shape)
        t = rng.uniform(-1, 1, shape[:1] + (3,))
        assert sg.sgd_step(sta, x, t) == pytest.approx(
            sg.sgd_step(dyn, x, t), rel=1e-12)
    assert len(_schedules(sta)) == 2
    with chainer.using_config('train', False):
        x = rng.uniform(-1, 1, (4, 6))
        numpy.testing.assert_allclose(sta(x).array, dyn(x).array,
                                      rtol=1e-12)
        numpy.testing.assert_allclose(sta(x).array, dyn(x).array,
                                      rtol=1e-12)
    assert len(_schedules(sta)) == 3
    sta(chainer.Variable(rng.uniform(-1, 1, (4, 6))))  # requires_grad
    assert len(_schedules(sta)) == 4


def test_minimize_cache_size(rng):
    class Model(chainer.Chain):
        @chainer.static_graph(minimize_cache_size=True)
        def forward(self, x):
            return F.relu(x)

    m = Model()
    for n in (1, 2, 3, 2):
        x = rng.uniform(-1, 1, (n, 2))
        numpy.testing.assert_allclose(m(x).array, numpy.maximum(x, 0))
        assert len(_schedules(m)) == 1


def test_use_static_graph_false_runs_define_by_run(sg, rng):
    sta = sg.StaticMLP()
    x = rng.uniform(-1, 1, (4, 6))
    with chainer.using_config('use_static_graph', False):
        for _ in range(2):
            y = sta(x)
            assert isinstance(y.creator, chainer.functions.connection.linear.
                              LinearFunction)
    assert 'schedule_manager' not in sta.__dict__
    y = sta(x)
    y = sta(x)
    assert isinstance(y.creator, sg_module.StaticScheduleFunction)


def test_debug_mode_runs_define_by_run(sg, rng):
    sta = sg.StaticMLP()
    with chainer.using_config('debug', True):
        sta(rng.uniform(-1, 1, (4, 6)))
    assert 'schedule_manager' not in sta.__dict__


def test_no_backprop_forward_only(sg, rng):
    dyn, sta = sg.MLP(), sg.StaticMLP()
    x = chainer.Variable(rng.uniform(-1, 1, (4, 6)))
    with chainer.no_backprop_mode():
        for _ in range(3):
            y = sta(x)
            assert y.creator is None
            numpy.testing.assert_allclose(y.array, dyn(x).array, rtol=1e-12)
    key = list(_schedules(sta))[0]
    assert key[-2] is False  # recorded without backprop
    assert _schedules(sta)[key].backward_steps == []


def test_input_gradient(sg, rng):
    dyn, sta = sg.MLP(), sg.StaticMLP()
    for _ in range(3):
        xd = chainer.Variable(rng.uniform(-1, 1, (4, 6)))
        xs = chainer.Variable(xd.array.copy())
        for m, x in ((dyn, xd), (sta, xs)):
            m.cleargrads()
            y = m(x * 1.0)  # x has a creator outside the static chain
            F.sum(y * y).backward()
        numpy.testing.assert_allclose(xs.grad, xd.grad, rtol=1e-12)
        sg.assert_same_params(dyn, sta)


def test_called_twice_per_iteration(sg, rng):
    dyn, sta = sg.MLP(), sg.StaticMLP()
    for _ in range(3):
        x1 = rng.uniform(-1, 1, (4, 6))
        x2 = rng.uniform(-1, 1, (4, 6))
        for m in (dyn, sta):
            m.cleargrads()
            loss = F.sum(m(x1) * m(x2))
            loss.backward()
        sg.assert_same_params(dyn, sta)


def test_parameters_replaced_not_in_place(sg, rng):
    dyn, sta = sg.MLP(), sg.StaticMLP()
    for _ in range(3):
        x = rng.uniform(-1, 1, (4, 6))
        t = rng.uniform(-1, 1, (4, 3))
        for m in (dyn, sta):
            m.cleargrads()
            loss = F.sum((m(x) - t) ** 2)
            loss.backward()
            for p in m.params():
                p.array = p.array - 0.1 * p.grad  # a new array object
        sg.assert_same_params(dyn, sta)


def test_parameter_shape_change_rerecords(rng):
    class Model(chainer.Chain):
        def __init__(self):
            super(Model, self).__init__()
            with self.init_scope():
                self.W = chainer.Parameter(numpy.ones((2, 3)))

        @chainer.static_graph
        def forward(self, x):
            return F.linear(x, self.W)

    m = Model()
    x = rng.uniform(-1, 1, (1, 3))
    m(x)
    m.W.array = numpy.ones((4, 3))
    assert m(x).shape == (1, 4)
    assert m(x).shape == (1, 4)


def test_lazy_parameter_initialization(rng):
    class Model(chainer.Chain):
        def __init__(self):
            super(Model, self).__init__()
            with self.init_scope():
                self.W = chainer.Parameter(chainer.initializers.One())

        @chainer.static_graph
        def forward(self, x):
            if self.W.array is None:
                self.W.initialize((2, x.shape[1]))
            return F.linear(x, self.W)

    m = Model()
    x = rng.uniform(-1, 1, (3, 4)).astype(numpy.float32)
    for _ in range(3):
        m.cleargrads()
        y = m(x)
        F.sum(y).backward()
        numpy.testing.assert_allclose(y.array, numpy.tile(
            x.sum(axis=1, keepdims=True), (1, 2)), rtol=1e-6)
        numpy.testing.assert_allclose(m.W.grad, numpy.tile(
            x.sum(axis=0), (2, 1)), rtol=1e-6)


def test_graph_cut_inside_chain(rng):
    class Model(chainer.Chain):
        def __init__(self, static):
            super(Model, self).__init__()
            with self.init_scope():
                self.W = chainer.Parameter(rng.uniform(-1, 1, (3, 3)))
                self.V = chainer.Parameter(rng.uniform(-1, 1, (3, 3)))
            self.static = static

        def body(self, x):
            with chainer.no_backprop_mode():
                a = F.linear(x, self.W)
            b = F.linear(x, self.V)
            c = F.linear(b, self.W)
            c.unchain()  # gradients do not reach V through c
            return a + b + F.tanh(c)

        forward_static = chainer.static_graph(body)

        def forward(self, x):
            if self.static:
                return self.forward_static(x)
            return self.body(x)

    dyn, sta = Model(False), Model(True)
    sta.W.array[...] = dyn.W.array
    sta.V.array[...] = dyn.V.array
    for _ in range(3):
        x = rng.uniform(-1, 1, (2, 3))
        for m in (dyn, sta):
            m.cleargrads()
            F.sum(m(x) ** 2).backward()
        assert sta.W.grad is None and dyn.W.grad is None
        numpy.testing.assert_allclose(sta.V.grad, dyn.V.grad, rtol=1e-12)


def test_output_structures(rng):
    class Model(chainer.Chain):
        @chainer.static_graph
        def forward(self, xs):
            a, (b,) = xs
            return {'sum': a + b, 'pair': [a * 2.0, (F.relu(b),)]}

    m = Model()
    for _ in range(2):
        a = chainer.Variable(rng.uniform(-1, 1, (2,)))
        b = chainer.Variable(rng.uniform(-1, 1, (2,)))
        out = m((a, [b]))
        assert sorted(out) == ['pair', 'sum']
        # v5 hands back every list of the result as a tuple.
        assert isinstance(out['pair'], tuple)
        assert isinstance(out['pair'][1], tuple)
        numpy.testing.assert_allclose(out['sum'].array, a.array + b.array)
        numpy.testing.assert_allclose(out['pair'][0].array, 2 * a.array)
        loss = F.sum(out['sum']) + F.sum(out['pair'][0]) + F.sum(
            out['pair'][1][0])
        loss.backward()
        numpy.testing.assert_allclose(a.grad, numpy.full(2, 3.0))
        numpy.testing.assert_allclose(b.grad, 1 + (b.array > 0))


def test_dropout_draws_new_mask_each_call(rng):
    class Model(chainer.Chain):
        def __init__(self):
            super(Model, self).__init__()
            with self.init_scope():
                self.W = chainer.Parameter(numpy.eye(50))

        @chainer.static_graph
        def forward(self, x):
            return F.dropout(F.linear(x, self.W), 0.5)

    m = Model()
    x = numpy.ones((2, 50))
    masks = []
    for _ in range(4):
        m.cleargrads()
        y = m(x)
        F.sum(y).backward()
        kept = y.array != 0
        masks.append(kept)
        # Gradient of W[i, j] = sum over the batch of mask * 2 * x.
        numpy.testing.assert_allclose(
            m.W.grad, (2.0 * kept).sum(axis=0)[:, None] * numpy.ones(50))
    assert not all((masks[0] == k).all() for k in masks[1:])


def test_old_style_function(rng):
    class Square(chainer.Function):
        def forward(self, inputs):
            return inputs[0] ** 2,

        def backward(self, inputs, grads):
            return 2 * inputs[0] * grads[0],

    class Model(chainer.Chain):
        def __init__(self):
            super(Model, self).__init__()
            with self.init_scope():
                self.W = chainer.Parameter(rng.uniform(-1, 1, (3, 3)))

        @chainer.static_graph
        def forward(self, x):
            return Square()(F.linear(x, self.W))

    m = Model()
    for _ in range(3):
        x = rng.uniform(-1, 1, (2, 3))
        m.cleargrads()
        y = m(x)
        F.sum(y).backward()
        h = x.dot(m.W.array.T)
        numpy.testing.assert_allclose(y.array, h ** 2)
        numpy.testing.assert_allclose(m.W.grad, (2 * h).T.dot(x))


def test_copies_get_their_own_schedules(sg, rng):
    sta = sg.StaticMLP()
    x = rng.uniform(-1, 1, (4, 6))
    sta(x)
    sta(x)
    for other in (copy.deepcopy(sta), sta.copy(mode='copy'),
                  sta.copy(mode='share'), pickle.loads(pickle.dumps(sta))):
        for p in other.params():
            p.array = p.array * 2.0
        other.cleargrads()
        y = other(x)
        F.sum(y).backward()
        ref = sg.MLP()
        for p, q in zip(ref.params(), other.params()):
            p.array = q.array.copy()
        numpy.testing.assert_allclose(y.array, _relu_mlp_reference(ref, x))
        assert other.W1.grad is not None
        assert sta.W1.grad is None


def test_enable_double_backprop(rng):
    class Model(chainer.Chain):
        def __init__(self, **kwargs):
            super(Model, self).__init__()
            with self.init_scope():
                self.W = chainer.Parameter(rng.uniform(-1, 1, (3, 3)))

        def body(self, x):
            return F.tanh(F.linear(x, self.W))

        with_ddb = chainer.static_graph(enable_double_backprop=True)(body)
        without = chainer.static_graph(body)

    m = Model()
    x = chainer.Variable(rng.uniform(-1, 1, (2, 3)))
    for _ in range(3):
        y = m.with_ddb(x)
        gx, = chainer.grad([F.sum(y)], [x], enable_double_backprop=True)
        assert gx.creator is not None
    m.without(x)
    y = m.without(x)
    with pytest.raises(RuntimeError, match='double backprop'):
        chainer.grad([F.sum(y)], [x], enable_double_backprop=True)


def test_force_test_define_by_run(sg, rng):
    class Model(sg.MLP):
        @chainer.static_graph(force_test_define_by_run=True)
        def forward(self, x):
            return sg.MLP.forward(self, x)

    m = Model()
    x = rng.uniform(-1, 1, (4, 6))
    with chainer.using_config('train', False):
        m(x)
        m(x)
    assert 'schedule_manager' not in m.__dict__
    m(x)
    assert len(_schedules(m)) == 1


def test_verbosity(capsys, rng):
    class Model(chainer.Chain):
        @chainer.static_graph(verbosity_level=2)
        def forward(self, x):
            return F.relu(x)

    m = Model()
    m(numpy.ones((2, 2)))
    assert 'recorded Model.forward' in capsys.readouterr().out
    m(numpy.ones((2, 2)))
    assert 'replaying Model.forward' in capsys.readouterr().out


def test_raw_array_code_falls_back(rng):
    class Model(chainer.Chain):
        def __init__(self):
            super(Model, self).__init__()
            with self.init_scope():
                self.W = chainer.Parameter(numpy.eye(2))

        @chainer.static_graph
        def forward(self, x):
            half = x.array[:, :2]  # raw view of the input: not static
            return F.linear(half, self.W) + F.sum(x)

    m = Model()
    with pytest.warns(RuntimeWarning, match='static_code'):
        m(chainer.Variable(numpy.ones((1, 3))))
    x = chainer.Variable(rng.uniform(-1, 1, (1, 3)))
    y = m(x)
    numpy.testing.assert_allclose(y.array, x.array[:, :2] + x.array.sum())


def test_schedule_manager_end_forward(sg, rng):
    sta = sg.StaticMLP()
    sta(rng.uniform(-1, 1, (4, 6)))
    assert isinstance(sta.schedule_manager, sg_module.ScheduleManager)
    sta.schedule_manager.end_forward()
    assert 'ScheduleManager' in repr(sta.schedule_manager)


# Errors.

def test_keyword_arguments(rng):
    # v5 passes keyword arguments through (on the first call). Plain values
    # select a schedule each; a Variable or array runs define-by-run.
    class Model(chainer.Chain):
        def __init__(self):
            super(Model, self).__init__()
            with self.init_scope():
                self.w = chainer.Parameter(numpy.array([2.0, 3.0]))

        @chainer.static_graph
        def forward(self, x, scale=1.0, extra=None):
            y = x * self.w * scale
            if extra is not None:
                y = y + extra
            return y

    m = Model()
    for i in range(3):
        x = rng.uniform(-1, 1, (2,))
        for scale in (1.0, -2.0):
            m.cleargrads()
            y = m(x, scale=scale)
            numpy.testing.assert_allclose(y.array, x * [2.0, 3.0] * scale)
            F.sum(y).backward()
            numpy.testing.assert_allclose(m.w.grad, x * scale)
        e = rng.uniform(-1, 1, (2,))
        numpy.testing.assert_allclose(
            m(x, extra=e).array, x * [2.0, 3.0] + e)
        numpy.testing.assert_allclose(
            m(x, extra=chainer.Variable(e)).array, x * [2.0, 3.0] + e)
    assert len(_schedules(m)) == 2
    y = m(x, scale=-2.0)
    assert isinstance(y.creator, sg_module.StaticScheduleFunction)


def test_array_arguments_reach_the_method_as_variables(rng):
    # v5 wraps array inputs in Variables before running the method.
    class Model(chainer.Chain):
        @chainer.static_graph
        def forward(self, xs):
            assert all(isinstance(x, chainer.Variable) for x in xs)
            return xs[0].array.shape[0] * xs[0] + xs[1]

    x = rng.uniform(-1, 1, (2,))
    numpy.testing.assert_allclose(Model()((x, x)).array, 3 * x)


def test_list_result_is_a_tuple_on_every_path(rng):
    class Model(chainer.Chain):
        @chainer.static_graph
        def forward(self, x, extra=None):
            return [x * 2.0, [x * 3.0]]

    m = Model()
    x = rng.uniform(-1, 1, (2,))
    for kwargs in ({}, {}, {'extra': numpy.ones(2)}):
        out = m(x, **kwargs)
        assert isinstance(out, tuple) and isinstance(out[1], tuple)
        numpy.testing.assert_allclose(out[1][0].array, 3 * x)


@pytest.mark.parametrize('bad', [1.0, None, 'x', {'a': numpy.ones(2)}])
def test_bad_input_rejected(bad):
    class Model(chainer.Chain):
        @chainer.static_graph
        def forward(self, x):
            return chainer.Variable(numpy.ones(1))

    with pytest.raises(TypeError, match='Variable or an array'):
        Model()(bad)


@pytest.mark.parametrize('ret', [numpy.ones(2), 3, None, [1.0]])
def test_bad_return_rejected(ret):
    class Model(chainer.Chain):
        @chainer.static_graph
        def forward(self, x):
            return ret

    with pytest.raises(TypeError, match='return value'):
        Model()(numpy.ones(2))


def test_nested_static_chains_rejected(sg):
    class Outer(chainer.Chain):
        def __init__(self):
            super(Outer, self).__init__()
            with self.init_scope():
                self.inner = sg.StaticMLP()

        @chainer.static_graph
        def forward(self, x):
            return self.inner(x)

    with pytest.raises(RuntimeError, match='nested'):
        Outer()(numpy.ones((1, 6)))


def test_not_a_link_rejected():
    class NotALink(object):
        @chainer.static_graph
        def __call__(self, x):
            return chainer.Variable(x)

    with pytest.raises(TypeError, match='Chain'):
        NotALink()(numpy.ones(1))


def test_unknown_decorator_arguments_ignored(rng):
    # v5 silently ignores them; we warn.
    with pytest.warns(UserWarning, match='min_args'):
        dec = chainer.static_graph(min_args=1, verbosity_level=0)

    class Model(chainer.Chain):
        @dec
        def forward(self, x):
            return x * 2.0

    x = rng.uniform(-1, 1, (2,))
    for _ in range(2):
        numpy.testing.assert_allclose(Model()(x).array, 2 * x)
    with pytest.warns(UserWarning):
        assert callable(chainer.static_graph(1, 2))


def test_dynamic_shape_detected(rng):
    class Positive(chainer.FunctionNode):
        def forward(self, inputs):
            return inputs[0][inputs[0] > 0],  # the shape depends on values

    class Model(chainer.Chain):
        @chainer.static_graph
        def forward(self, x):
            return Positive().apply((x,))[0]

    m = Model()
    m(numpy.array([1.0, -1.0, 1.0]))
    with pytest.raises(RuntimeError, match='not static'):
        m(numpy.array([1.0, 1.0, 1.0]))


@testing.attr.gpu
def test_mlp_gpu(sg, rng):
    import cupy
    dyn, sta = sg.MLP(), sg.StaticMLP()
    dyn.to_gpu()
    sta.to_gpu()
    for _ in range(3):
        x = cupy.asarray(rng.uniform(-1, 1, (4, 6)))
        t = cupy.asarray(rng.uniform(-1, 1, (4, 3)))
        assert sg.sgd_step(sta, x, t) == pytest.approx(
            sg.sgd_step(dyn, x, t), rel=1e-10)
    dyn.to_cpu()
    sta.to_cpu()
    sg.assert_same_params(dyn, sta)


def test_data_dependent_node_state_is_not_baked(rng):
    # Backward multiplies by a constant the forward computed from the data:
    # captured gradient code must not reuse the recorded value.
    class CountScale(chainer.FunctionNode):
        def forward(self, inputs):
            x, = inputs
            self.c = float((x > 0).sum())
            return x * self.c,

        def backward(self, indexes, grad_outputs):
            return grad_outputs[0] * self.c,

    class Model(chainer.Chain):
        def __init__(self):
            super(Model, self).__init__()
            with self.init_scope():
                self.W = chainer.Parameter(numpy.eye(3))

        @chainer.static_graph
        def forward(self, x):
            return CountScale().apply((F.linear(x, self.W),))[0]

    m = Model()
    base = numpy.array([[1.0, 2.0, -1.0]])
    for scale in (1.0, 1.0, 1.0, 1.0, -1.0, 1.0):
        x = base * scale
        m.cleargrads()
        F.sum(m(x)).backward()
        c = float((x > 0).sum())
        numpy.testing.assert_allclose(m.W.grad, c * numpy.tile(x, (3, 1)))


def test_loss_and_batch_normalization_inside(rng):
    class Model(chainer.Chain):
        def __init__(self, static):
            super(Model, self).__init__()
            r = numpy.random.RandomState(3)
            with self.init_scope():
                self.W = chainer.Parameter(r.uniform(-1, 1, (4, 3)))
                self.gamma = chainer.Parameter(r.uniform(0.5, 1.5, 4))
                self.beta = chainer.Parameter(r.uniform(-1, 1, 4))
            self.add_persistent('mean', numpy.zeros(4))
            self.add_persistent('var', numpy.ones(4))
            self.static = static

        def body(self, x, t):
            h = F.batch_normalization(F.linear(x, self.W), self.gamma,
                                      self.beta, running_mean=self.mean,
                                      running_var=self.var)
            return F.softmax_cross_entropy(h, t)

        static_body = chainer.static_graph(body)

        def forward(self, x, t):
            return (self.static_body if self.static else self.body)(x, t)

    dyn, sta = Model(False), Model(True)
    for _ in range(4):
        x = rng.uniform(-1, 1, (5, 3))
        t = rng.randint(0, 4, 5).astype(numpy.int32)
        for m in (dyn, sta):
            m.cleargrads()
            loss = m(x, t)
            loss.backward()
            for p in m.params():
                p.array -= 0.1 * p.grad
        assert float(sta(x, t).array) == pytest.approx(
            float(dyn(x, t).array), rel=1e-12)
        numpy.testing.assert_allclose(sta.mean, dyn.mean, rtol=1e-12)
        numpy.testing.assert_allclose(sta.var, dyn.var, rtol=1e-12)
        for name in ('W', 'gamma', 'beta'):
            numpy.testing.assert_allclose(
                getattr(sta, name).array, getattr(dyn, name).array,
                rtol=1e-12)


def test_static_code_with_variables(rng):
    seen = []

    @chainer.static_code
    def record(h):
        seen.append(h.array.copy())  # a Variable with this call's data

    class Model(chainer.Chain):
        @chainer.static_graph
        def forward(self, x):
            h = F.relu(x)
            record(h)
            return h

    m = Model()
    for _ in range(3):
        x = rng.uniform(-1, 1, (2, 2))
        m(x)
        numpy.testing.assert_allclose(seen[-1], numpy.maximum(x, 0))
    assert len(seen) == 3


def test_replay_keeps_only_what_backward_needs(sg, rng):
    sta = sg.StaticMLP()
    x = rng.uniform(-1, 1, (4, 6))
    sta(x)
    y = sta(x)
    node = y.creator
    kept = [s for s in node._slots if s is not None]
    # Retained for backward: x, W1, W2, W3 and the two relu outputs (also
    # the next linear's inputs); not the biases, pre-activations or y.
    assert len(kept) == 6
    y.grad = numpy.ones_like(y.array)
    y.backward()
    assert sta.W1.grad is not None


def test_state_kept_outside_arguments_falls_back(rng):
    class RNN(chainer.Chain):
        def __init__(self):
            super(RNN, self).__init__()
            with self.init_scope():
                self.W = chainer.Parameter(rng.uniform(-1, 1, (2, 2)))
            self.h = F.tanh(chainer.Variable(numpy.zeros((1, 2))))

        @chainer.static_graph
        def forward(self, x):
            self.h = F.tanh(F.linear(x, self.W) + self.h)
            return self.h

    m = RNN()
    x = numpy.ones((1, 2))
    with pytest.warns(RuntimeWarning, match='argument'):
        m(x)
    for _ in range(2):
        h = m.h.array
        y = m(x)  # define-by-run: uses this call's state
        numpy.testing.assert_allclose(
            y.array, numpy.tanh(x.dot(m.W.array.T) + h))


def test_decorating_call(rng):
    class Model(chainer.Chain):
        def __init__(self):
            super(Model, self).__init__()
            with self.init_scope():
                self.W = chainer.Parameter(rng.uniform(-1, 1, (2, 3)))

        @chainer.static_graph
        def __call__(self, x):
            return F.relu(F.linear(x, self.W))

    m = Model()
    for _ in range(3):
        x = rng.uniform(-1, 1, (4, 3))
        m.cleargrads()
        y = m(x)
        F.sum(y).backward()
        h = x.dot(m.W.array.T)
        numpy.testing.assert_allclose(y.array, numpy.maximum(h, 0))
        numpy.testing.assert_allclose(m.W.grad, (h > 0).T.dot(x))
    assert isinstance(y.creator, sg_module.StaticScheduleFunction)
