import numpy
import pytest

import chainer


def _v(*values):
    return chainer.Variable(numpy.array(values, numpy.float64))


def test_grad_basic_does_not_touch_grad():
    x = _v(1., 2.)
    y = x * x * 3
    gx, = chainer.grad([y], [x], grad_outputs=[_v(1., 1.)])
    numpy.testing.assert_allclose(gx.array, [6., 12.])
    assert x.grad is None


def test_grad_set_grad():
    x = _v(2.)
    y = x * x
    chainer.grad([y], [x], set_grad=True)
    numpy.testing.assert_allclose(x.grad, [4.])


def test_grad_of_intermediate():
    x = _v(3.)
    h = x * 2
    y = h * h
    gh, gx = chainer.grad([y], [h, x])
    numpy.testing.assert_allclose(gh.array, [12.])
    numpy.testing.assert_allclose(gx.array, [24.])


def test_grad_unreachable_is_none():
    x, z = _v(1.), _v(1.)
    y = x * 2
    gx, gz = chainer.grad([y], [x, z])
    assert gz is None
    numpy.testing.assert_allclose(gx.array, [2.])


def test_grad_prunes_unrelated_branches():
    calls = []

    class Spy(chainer.FunctionNode):
        def forward(self, inputs):
            return inputs[0] * 1,

        def backward(self, indexes, gys):
            calls.append(1)
            return gys[0],
    a = _v(1.)
    b, = Spy().apply((a,))   # upstream of x: not needed
    x = b * 2
    y = x * x
    gx, = chainer.grad([y], [x])
    numpy.testing.assert_allclose(gx.array, [4.])
    assert calls == []


def test_grad_inputs_are_added():
    x = _v(1.)
    y = x * 5
    gx, = chainer.grad([y], [x], grad_inputs=[_v(10.)])
    numpy.testing.assert_allclose(gx.array, [15.])


def test_grad_loss_scale():
    x = _v(1.)
    gx, = chainer.grad([x * 3], [x], loss_scale=2.)
    numpy.testing.assert_allclose(gx.array, [6.])


def test_grad_double_backprop():
    x = _v(2.)
    y = x * x * x
    gx, = chainer.grad([y], [x], enable_double_backprop=True)
    numpy.testing.assert_allclose(gx.array, [12.])
    ggx, = chainer.grad([gx], [x])
    numpy.testing.assert_allclose(ggx.array, [12.])


def test_grad_without_double_backprop_has_no_graph():
    x = _v(2.)
    gx, = chainer.grad([x * x], [x])
    assert gx.creator_node is None


def test_grad_errors():
    x = _v(1.)
    y = x * 2
    with pytest.raises(TypeError):
        chainer.grad(y, [x])
    with pytest.raises(TypeError):
        chainer.grad([y], x)
    with pytest.raises(ValueError):
        chainer.grad([y], [x], grad_outputs=[None, None])
    with pytest.raises(ValueError):
        chainer.grad([y], [x], grad_inputs=[None, None])
    with pytest.raises(TypeError):
        chainer.grad([y.array], [x])
