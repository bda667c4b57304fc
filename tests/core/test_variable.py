import copy
import gc
import pickle
import warnings
import weakref

import numpy
import pytest

import chainer


def _var(shape=(3,), dtype=numpy.float32, **kw):
    return chainer.Variable(
        numpy.arange(numpy.prod(shape), dtype=dtype).reshape(shape), **kw)


class TestConstruction:

    def test_defaults(self):
        a = numpy.zeros((2, 3), 'f')
        v = chainer.Variable(a)
        assert v.array is a and v.data is a
        assert v.grad is None and v.grad_var is None
        assert v.name is None
        assert v.requires_grad
        assert v.creator is None and v.creator_node is None
        assert v.shape == (2, 3) and v.ndim == 2 and v.size == 6
        assert v.dtype == numpy.float32
        assert v.xp is numpy
        assert isinstance(v.node, chainer.variable.VariableNode)

    def test_keywords(self):
        g = numpy.ones(3, 'f')
        v = chainer.Variable(numpy.zeros(3, 'f'), name='v', grad=g,
                             requires_grad=False)
        assert v.name == 'v' and v.node.name == 'v'
        assert v.grad is g
        assert not v.requires_grad

    def test_none_data(self):
        v = chainer.Variable()
        assert v.array is None and v.xp is None

    @pytest.mark.parametrize('bad', [1, 1.5, [1, 2], numpy.float32(1)])
    def test_rejects_non_array(self, bad):
        with pytest.raises(TypeError, match='numpy.ndarray'):
            chainer.Variable(bad)

    def test_volatile_rejected(self):
        with pytest.raises(ValueError, match='volatile'):
            chainer.Variable(numpy.zeros(1), volatile=True)

    def test_unknown_keyword(self):
        with pytest.raises(TypeError):
            chainer.Variable(numpy.zeros(1), foo=1)

    def test_array_setter_updates_node(self):
        v = _var()
        v.array = numpy.zeros((4, 5), numpy.float64)
        assert v.node.shape == (4, 5) and v.node.dtype == numpy.float64
        with pytest.raises(TypeError):
            v.array = 3


class TestGrad:

    def test_grad_mismatch(self):
        v = _var()
        with pytest.raises(TypeError):
            v.grad = numpy.zeros(3, numpy.float64)
        with pytest.raises(ValueError):
            v.grad = numpy.zeros(4, numpy.float32)
        with pytest.raises(TypeError):
            v.grad = 1.0

    def test_cleargrad_and_zerograd(self):
        v = _var()
        v.grad = numpy.ones(3, 'f')
        v.cleargrad()
        assert v.grad is None
        with pytest.warns(DeprecationWarning):
            v.zerograd()
        numpy.testing.assert_array_equal(v.grad, numpy.zeros(3, 'f'))

    def test_addgrad(self):
        a, b = _var(), _var()
        a.grad = numpy.ones(3, 'f')
        b.grad = numpy.full(3, 2, 'f')
        a.addgrad(b)
        numpy.testing.assert_array_equal(a.grad, numpy.full(3, 3, 'f'))
        c = _var()
        c.addgrad(b)
        numpy.testing.assert_array_equal(c.grad, b.grad)
        assert c.grad is not b.grad

    def test_copydata(self):
        a, b = _var(), chainer.Variable(numpy.zeros(3, 'f'))
        b.copydata(a)
        numpy.testing.assert_array_equal(b.array, a.array)
        assert b.array is not a.array


class TestBackward:

    def test_scalar_loss_gets_unit_grad(self):
        x = chainer.Variable(numpy.array([1., 2., 3.], 'f'))
        y = chainer.functions.sum(x * x) if hasattr(
            chainer.functions, 'sum') else None
        if y is None:
            pytest.skip('F.sum missing')
        y.backward()
        numpy.testing.assert_allclose(y.grad, 1.)
        numpy.testing.assert_allclose(x.grad, [2., 4., 6.])

    def test_size_one_array_gets_unit_grad(self):
        x = chainer.Variable(numpy.array([3.], 'f'))
        y = x * x
        y.backward()
        numpy.testing.assert_allclose(x.grad, [6.])

    def test_leaf_grads_accumulate(self):
        x = chainer.Variable(numpy.array([1., 2.], 'f'))
        for _ in range(2):
            y = x * 3
            y.grad = numpy.ones(2, 'f')
            y.backward()
        numpy.testing.assert_allclose(x.grad, [6., 6.])

    def test_same_input_twice(self):
        x = chainer.Variable(numpy.array([1., 2.], 'f'))
        y = x * x + x
        y.grad = numpy.ones(2, 'f')
        y.backward()
        numpy.testing.assert_allclose(x.grad, [3., 5.])

    def test_diamond(self):
        x = chainer.Variable(numpy.array([2.], 'f'))
        a = x * 2
        b = a * a
        c = a + 1
        y = b * c
        y.backward()
        # y = 4x^2 (2x+1) -> dy/dx = 24 x^2 + 8x
        numpy.testing.assert_allclose(x.grad, [24 * 4 + 16])

    def test_retain_grad(self):
        x = chainer.Variable(numpy.array([1., 2.], 'f'))
        h = x * 2
        y = h * h
        y.grad = numpy.ones(2, 'f')
        y.backward()
        assert h.grad is None
        x.cleargrad()
        y.backward(retain_grad=True)
        numpy.testing.assert_allclose(h.grad, [4., 8.])
        numpy.testing.assert_allclose(x.grad, [8., 16.])

    def test_requires_grad_false_gets_no_grad(self):
        x = chainer.Variable(numpy.array([1.], 'f'), requires_grad=False)
        w = chainer.Variable(numpy.array([2.], 'f'))
        y = x * w
        y.backward()
        assert x.grad is None
        numpy.testing.assert_allclose(w.grad, [1.])

    def test_loss_scale(self):
        x = chainer.Variable(numpy.array([1.], 'f'))
        y = x * 2
        y.backward(loss_scale=8)
        numpy.testing.assert_allclose(x.grad, [16.])
        assert x._loss_scale == 8
        x.cleargrad()
        (x * 2).backward()
        assert x._loss_scale is None  # a later plain backward resets it

    def test_double_backprop(self):
        x = chainer.Variable(numpy.array([3.], 'f'))
        y = x * x * x
        y.backward(enable_double_backprop=True)
        gx = x.grad_var
        numpy.testing.assert_allclose(gx.array, [27.])
        x.cleargrad()
        gx.backward()
        numpy.testing.assert_allclose(x.grad, [18.])

    def test_no_recursion_limit(self):
        x = chainer.Variable(numpy.array([1.], 'f'))
        h = x
        for _ in range(100000):
            h = h + 0
        h.backward()
        numpy.testing.assert_allclose(x.grad, [1.])
        del h  # freeing a 100k-deep graph must not overflow the C stack

    def test_graph_freed_without_gc(self):
        gc.disable()
        try:
            x = chainer.Variable(numpy.ones(3, 'f'))
            y = x * x
            func_ref = weakref.ref(y.creator_node)
            y.grad = numpy.ones(3, 'f')
            y.backward()
            del y
            assert func_ref() is None
        finally:
            gc.enable()

    def test_grad_ready_hook_order(self):
        from chainer import _backprop
        a = chainer.Variable(numpy.array([1.], 'f'), name='a')
        b = chainer.Variable(numpy.array([2.], 'f'), name='b')
        h = a * 2          # a finished once this node is processed
        y = (h * b) * b    # b used twice at the end of the graph
        ready = []
        with _backprop.grad_ready_hook(
                lambda v: ready.append((v.name, float(v.grad[0])))):
            y.backward()
        assert sorted(ready) == [('a', 8.0), ('b', 8.0)]
        assert ready[0][0] == 'b'


class TestUnchain:

    def test_unchain(self):
        x = _var()
        y = x * 2
        y.unchain()
        assert y.creator_node is None

    def test_unchain_backward(self):
        x = _var()
        h = x * 2
        y = h * 3
        y.unchain_backward()
        assert y.creator_node is None and h.creator_node is None


class TestOperatorsAndProtocol:

    def test_comparison_raises(self):
        x = _var()
        for op in (lambda: x < x, lambda: x == x, lambda: x != x,
                   lambda: x >= x, lambda: bool(x)):
            with pytest.raises(NotImplementedError):
                op()

    def test_len(self):
        assert len(_var((4, 2))) == 4
        with pytest.raises(TypeError):
            len(chainer.Variable(numpy.array(1., 'f')))

    def test_hashable(self):
        x = _var()
        assert {x: 1}[x] == 1

    def test_ndarray_lhs_dispatches_to_variable(self):
        x = _var()
        y = numpy.ones(3, 'f') + x
        assert isinstance(y, chainer.Variable)
        numpy.testing.assert_allclose(y.array, [1, 2, 3])

    def test_repr_str(self):
        x = chainer.Variable(numpy.array([1, 2], 'f'))
        assert repr(x) == 'variable([1., 2.])'
        assert str(x) == 'variable([1. 2.])'
        x.name = 'x'
        assert repr(x) == 'variable x([1., 2.])'
        assert repr(chainer.Variable()) == 'variable(None)'

    def test_summary_debug_print(self):
        x = _var(name='w')
        assert x.summary() == '<variable w>'
        text = x.debug_print()
        assert 'shape: (3,)' in text and 'dtype: float32' in text

    def test_label(self):
        assert _var((2, 3)).label == '(2, 3), float32'
        assert chainer.Variable(numpy.array(1, 'f')).label == 'float32'

    def test_pickle_and_copy(self):
        x = _var(name='p')
        x.grad = numpy.ones(3, 'f')
        y = pickle.loads(pickle.dumps(x))
        numpy.testing.assert_array_equal(y.array, x.array)
        numpy.testing.assert_array_equal(y.grad, x.grad)
        assert y.name == 'p'
        z = copy.copy(x)
        assert z.array is x.array and z.node is not x.node

    def test_to_cpu_noop(self):
        x = _var()
        x.to_cpu()
        assert isinstance(x.array, numpy.ndarray)


class TestVariableNode:

    def test_retain_and_get_variable(self):
        x = _var()
        node = x.node
        x.retain_data()
        assert node.data is x.array
        assert node.get_variable() is x
        assert node.get_variable_or_none() is x
        data = x.array
        del x
        v = node.get_variable()
        assert v.array is data and v.node is node

    def test_creator(self):
        x = _var()
        y = x * 2
        assert y.node.creator_node is y.creator_node
        assert y.rank == 1 and x.rank == 0


class TestAsVariable:

    def test_as_variable(self):
        a = numpy.zeros(2, 'f')
        v = chainer.as_variable(a)
        assert v.array is a and not v.requires_grad
        assert chainer.as_variable(v) is v


class TestParameter:

    def test_from_array(self):
        a = numpy.ones((2, 2), 'f')
        p = chainer.Parameter(a)
        assert p.array is a and p.grad is None

    def test_with_shape(self):
        p = chainer.Parameter(2.0, (2, 3))
        numpy.testing.assert_array_equal(p.array, numpy.full((2, 3), 2.0))
        assert numpy.isnan(p.grad).all()

    def test_lazy_initialize(self):
        p = chainer.Parameter(chainer.initializers.Constant(3.0))
        assert p.array is None
        p.initialize((2,))
        numpy.testing.assert_array_equal(p.array, [3.0, 3.0])
        assert numpy.isnan(p.grad).all()

    def test_cleargrad_before_init(self):
        p = chainer.Parameter(chainer.initializers.Zero())
        p.cleargrad()
        p.initialize((3,))
        assert p.grad is None

    def test_default_nan(self):
        p = chainer.Parameter(shape=(2,))
        assert numpy.isnan(p.array).all()

    def test_dtype_before_init(self):
        p = chainer.Parameter(chainer.initializers.Zero(numpy.float64))
        assert p.dtype == numpy.float64

    def test_update_calls_rule(self):
        p = chainer.Parameter(numpy.zeros(1, 'f'))
        calls = []

        class Rule:
            def update(self, param):
                calls.append(param)
        p.update()
        p.update_rule = Rule()
        p.update()
        assert calls == [p]

    def test_pickle(self):
        p = chainer.Parameter(numpy.arange(3, dtype='f'), name='w')
        q = pickle.loads(pickle.dumps(p))
        assert isinstance(q, chainer.Parameter)
        numpy.testing.assert_array_equal(q.array, p.array)



def test_memory_stays_flat_over_iterations():
    import tracemalloc
    w = chainer.Variable(numpy.random.rand(50, 50).astype('f'))

    def step():
        h = chainer.Variable(numpy.random.rand(50).astype('f'))
        for _ in range(20):
            h = (h * w[0] + 1) * 0.5 if hasattr(chainer.functions, 'get_item') \
                else (h * 1.01 + 1) * 0.5
        h.grad = numpy.ones_like(h.array)
        h.backward()
        w.cleargrad()

    for _ in range(5):
        step()
    gc.collect()
    tracemalloc.start()
    try:
        step()
        base = tracemalloc.get_traced_memory()[0]
        for _ in range(50):
            step()
        grown = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    # Nothing from earlier iterations may survive (a leak of one graph per
    # step would be >= 50 * 20 * 200 bytes).
    assert grown < 20000, grown


class TestV5Details:

    def test_debug_print_lines(self):
        x = chainer.Variable(numpy.array([1., 3.], 'f'), name='x')
        x.grad = numpy.zeros(2, 'f')
        assert x.debug_print().splitlines() == [
            '<variable x>',
            '- device: CPU',
            "- backend: <class 'numpy.ndarray'>",
            '- shape: (2,)',
            '- dtype: float32',
            '- statistics: mean=2.00000000, std=1.00000000',
            '- grad: 0',  # v5 prints 0 for an all-zero gradient
        ]
        x.grad = numpy.array([1., -1.], 'f')
        assert x.debug_print().splitlines()[-1] == \
            '- grad: mean=0.00000000, std=1.00000000'

    def test_debug_print_without_data(self):
        lines = chainer.Variable().debug_print().splitlines()
        assert lines[1:] == ['- device: None', '- backend: None',
                             '- shape: None', '- dtype: None',
                             '- statistics: None', '- grad: None']

    def test_backward_of_one_element_non_scalar_warns(self):
        x = chainer.Variable(numpy.array([2.], 'f'))
        y = x * 3
        with pytest.warns(DeprecationWarning, match='Treating a scalar'):
            y.backward()
        numpy.testing.assert_array_equal(x.grad, [3.])
        x = chainer.Variable(numpy.array(2., 'f'))
        y = x * 3
        with warnings.catch_warnings():
            warnings.simplefilter('error', DeprecationWarning)
            y.backward()  # 0-dim: no warning
            z = chainer.Variable(numpy.array([2.], 'f')) * 3
            z.grad = numpy.ones(1, 'f')
            z.backward()  # explicit grad: no warning

    def test_addgrad_makes_a_new_array(self):
        a = _var()
        a.grad = numpy.ones(3, 'f')
        kept = a.grad
        b = _var()
        b.grad = numpy.full(3, 2, 'f')
        a.addgrad(b)
        numpy.testing.assert_array_equal(a.grad, [3, 3, 3])
        numpy.testing.assert_array_equal(kept, [1, 1, 1])

    def test_addgrad_initializes_an_uninitialized_parameter(self):
        src = chainer.Parameter(numpy.zeros((2, 3), 'f'))
        src.grad = numpy.full((2, 3), 5, 'f')
        p = chainer.Parameter(chainer.initializers.Constant(1))
        p.cleargrad()
        p.addgrad(src)
        numpy.testing.assert_array_equal(p.array, numpy.ones((2, 3)))
        numpy.testing.assert_array_equal(p.grad, src.grad)
        # Without cleargrad, v5's NaN grad initializer shows through.
        q = chainer.Parameter(chainer.initializers.Constant(1))
        q.addgrad(src)
        assert numpy.isnan(q.grad).all()
        with pytest.raises(RuntimeError):
            chainer.Variable().addgrad(src)
