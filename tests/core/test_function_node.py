import numpy
import pytest

import chainer
from chainer import function_node
from chainer.utils import type_check


class Square(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types.size() == 1,
                          in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_inputs((0,))
        return inputs[0] ** 2,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return 2 * x * grad_outputs[0],


class SplitTwo(function_node.FunctionNode):
    """Two outputs; backward returns one gradient per input."""

    def forward(self, inputs):
        x, = inputs
        self.retain_outputs((1,))
        return x * 2, x * 3

    def backward(self, indexes, grad_outputs):
        g0, g1 = grad_outputs
        gx = 0
        if g0 is not None:
            gx = gx + g0 * 2
        if g1 is not None:
            gx = gx + g1 * 3
        return gx,


class CpuGpu(function_node.FunctionNode):

    def forward_cpu(self, inputs):
        return inputs[0] + 1,


def test_apply_builds_graph():
    x = chainer.Variable(numpy.array([1., 2.], 'f'))
    f = Square()
    y, = f.apply((x,))
    assert y.creator_node is f
    assert f.inputs == (x.node,)
    assert f.outputs[0]() is y.node
    assert f.rank == 0 and y.rank == 1
    numpy.testing.assert_allclose(y.array, [1., 4.])
    y.grad = numpy.ones(2, 'f')
    y.backward()
    numpy.testing.assert_allclose(x.grad, [2., 4.])


def test_apply_accepts_arrays():
    y, = Square().apply((numpy.array([3.], 'f'),))
    assert not y.requires_grad and y.creator_node is None


def test_no_backprop_mode_skips_graph():
    x = chainer.Variable(numpy.array([1.], 'f'))
    with chainer.no_backprop_mode():
        y, = Square().apply((x,))
        with chainer.force_backprop_mode():
            z, = Square().apply((x,))
    assert y.creator_node is None
    assert z.creator_node is not None


def test_forward_dispatch_cpu():
    y, = CpuGpu().apply((numpy.zeros(2, 'f'),))
    numpy.testing.assert_array_equal(y.array, [1, 1])


def test_forward_must_return_tuple():
    class Bad(function_node.FunctionNode):
        def forward(self, inputs):
            return inputs[0]
    with pytest.raises(TypeError, match='tuple'):
        Bad().apply((numpy.zeros(1, 'f'),))


def test_type_check_message():
    f = Square()
    with pytest.raises(type_check.InvalidType) as e:
        f.apply((numpy.zeros(2, numpy.int32),))
    msg = str(e.value)
    assert 'Square' in msg
    assert 'x.dtype.kind == f' in msg


def test_type_check_can_be_disabled():
    with chainer.using_config('type_check', False):
        y, = Square().apply((numpy.array([2], numpy.int32),))
    assert y.array[0] == 4


def test_multiple_outputs_and_retained_outputs():
    x = chainer.Variable(numpy.array([1., 2.], 'f'))
    f = SplitTwo()
    a, b = f.apply((x,))
    assert f.get_retained_outputs()[0] is b
    del b  # output gone: the retained array must rebuild it
    rebuilt, = f.get_retained_outputs()
    numpy.testing.assert_allclose(rebuilt.array, [3., 6.])
    a.grad = numpy.ones(2, 'f')
    a.backward()
    numpy.testing.assert_allclose(x.grad, [2., 2.])


def test_output_data():
    f = SplitTwo()
    f.apply((chainer.Variable(numpy.array([1.], 'f')),))
    data = f.output_data
    assert data[0] is None
    numpy.testing.assert_allclose(data[1], [3.])


def test_wrong_number_of_grads():
    class Bad(function_node.FunctionNode):
        def forward(self, inputs):
            return inputs[0] * 1,

        def backward(self, indexes, gys):
            return gys[0], gys[0], gys[0]
    x = chainer.Variable(numpy.ones(1, 'f'))
    y, = Bad().apply((x,))
    with pytest.raises(ValueError, match='number of gradients'):
        y.backward()


def test_wrong_grad_shape():
    class Bad(function_node.FunctionNode):
        def forward(self, inputs):
            return inputs[0] * 1,

        def backward(self, indexes, gys):
            return chainer.Variable(numpy.ones(5, 'f')),
    x = chainer.Variable(numpy.ones(2, 'f'))
    y, = Bad().apply((x,))
    y.grad = numpy.ones(2, 'f')
    with pytest.raises(ValueError, match='shape'):
        y.backward()


def test_backward_accumulate_adds_existing():
    f = Square()
    x = chainer.Variable(numpy.array([3.], 'f'))
    f.apply((x,))
    gy = chainer.Variable(numpy.array([1.], 'f'))
    prev = chainer.Variable(numpy.array([10.], 'f'))
    gx, = f.backward_accumulate((0,), (gy,), (prev,))
    numpy.testing.assert_allclose(gx.array, [16.])


def test_unchain():
    x = chainer.Variable(numpy.ones(1, 'f'))
    f = Square()
    y, = f.apply((x,))
    f.unchain()
    assert y.creator_node is None and f.inputs is None


class CountHook(chainer.FunctionHook):
    name = 'count'

    def __init__(self):
        self.events = []

    def forward_preprocess(self, function, in_data):
        self.events.append(('fpre', function.label))

    def forward_postprocess(self, function, in_data):
        self.events.append(('fpost', function.label))

    def backward_preprocess(self, function, in_data, out_grad):
        self.events.append(('bpre', function.label))

    def backward_postprocess(self, function, in_data, out_grad):
        self.events.append(('bpost', function.label))


def test_global_hook():
    hook = CountHook()
    x = chainer.Variable(numpy.ones(1, 'f'))
    with hook:
        y, = Square().apply((x,))
        y.backward()
    events = [e for e in hook.events if e[1] == 'Square']
    assert events == [('fpre', 'Square'), ('fpost', 'Square'),
                           ('bpre', 'Square'), ('bpost', 'Square')]
    Square().apply((x,))
    assert len([e for e in hook.events if e[1] == 'Square']) == 4


def test_local_hook():
    hook = CountHook()
    f = Square()
    f.add_hook(hook)
    assert 'count' in f.local_function_hooks
    with pytest.raises(KeyError):
        f.add_hook(hook)
    f.apply((numpy.ones(1, 'f'),))
    assert hook.events == [('fpre', 'Square'), ('fpost', 'Square')]
    f.delete_hook('count')
    with pytest.raises(KeyError):
        f.delete_hook('count')
    with pytest.raises(TypeError):
        f.add_hook(object())


def test_debug_mode_detects_nan():
    class MakeNan(function_node.FunctionNode):
        def forward(self, inputs):
            return inputs[0] * numpy.float32('nan'),
    with chainer.DebugMode(True):
        assert chainer.is_debug()
        with pytest.raises(RuntimeError, match='NaN is detected on forward'):
            MakeNan().apply((numpy.ones(1, 'f'),))
    assert not chainer.is_debug()


def test_debug_mode_detects_nan_in_backward():
    class NanGrad(function_node.FunctionNode):
        def forward(self, inputs):
            return inputs[0] * 1,

        def backward(self, indexes, gys):
            return chainer.Variable(numpy.full(1, numpy.nan, 'f')),
    x = chainer.Variable(numpy.ones(1, 'f'))
    with chainer.DebugMode(True):
        y, = NanGrad().apply((x,))
        with pytest.raises(RuntimeError, match='NaN is detected on backward'):
            y.backward()


def test_set_debug():
    chainer.set_debug(True)
    try:
        assert chainer.is_debug()
    finally:
        chainer.set_debug(False)
    assert not chainer.is_debug()


def test_retained_output_survives_dead_output_variable():
    x = chainer.Variable(numpy.array([1., 2.], 'f'))
    f = SplitTwo()
    a, b = f.apply((x,))
    c = b * 1  # b's node lives on as an input of the multiplication
    del b
    rebuilt, = f.get_retained_outputs()
    numpy.testing.assert_allclose(rebuilt.array, [3., 6.])
    assert rebuilt.node is c.creator_node.inputs[0]


@pytest.mark.parametrize('name', ['exp', 'log', 'sin', 'cos', 'tanh',
                                  'sigmoid', 'relu', 'log2', 'log10'])
@pytest.mark.parametrize('shape', [(), (3, 4)])
def test_array_backward_matches_variable_backward(name, shape):
    # Functions with an array-level backward (used for plain backprop) must
    # give the same gradients as their Variable-level backward (used when
    # double backprop is enabled).
    f = getattr(chainer.functions, name)
    x_data = numpy.random.uniform(0.5, 2, shape).astype(numpy.float32)
    gy = numpy.random.uniform(-1, 1, shape).astype(numpy.float32)
    grads = []
    for double in (False, True):
        x = chainer.Variable(x_data)
        y = f(x)
        assert hasattr(y.creator_node, '_backward_arrays')
        y.grad = gy
        y.backward(enable_double_backprop=double)
        assert type(x.grad) is numpy.ndarray
        assert x.grad.dtype == numpy.float32 and x.grad.shape == shape
        grads.append(x.grad)
    numpy.testing.assert_allclose(grads[0], grads[1], rtol=1e-6)
