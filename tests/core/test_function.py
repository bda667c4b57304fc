import numpy
import pytest

import chainer
from chainer.utils import type_check


class OldSquare(chainer.Function):

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 1,
                          in_types[0].dtype == numpy.float32)

    def forward_cpu(self, inputs):
        return inputs[0] ** 2,

    def backward_cpu(self, inputs, grad_outputs):
        return 2 * inputs[0] * grad_outputs[0],


class OldTwoOut(chainer.Function):

    def forward(self, inputs):
        x, y = inputs
        return x + y, x * y

    def backward(self, inputs, grad_outputs):
        x, y = inputs
        g0, g1 = grad_outputs
        g0 = 0 if g0 is None else g0
        g1 = 0 if g1 is None else g1
        return g0 + g1 * y, g0 + g1 * x


def test_old_style_forward_backward():
    x = chainer.Variable(numpy.array([1., 3.], 'f'))
    f = OldSquare()
    y = f(x)
    assert isinstance(y, chainer.Variable)
    assert y.creator is f
    assert isinstance(y.creator_node, chainer.FunctionAdapter)
    assert y.creator_node.function is f
    assert f.label == 'OldSquare'
    y.grad = numpy.ones(2, 'f')
    y.backward()
    numpy.testing.assert_allclose(x.grad, [2., 6.])


def test_old_style_multiple_outputs():
    x = chainer.Variable(numpy.array([2.], 'f'))
    w = chainer.Variable(numpy.array([5.], 'f'))
    s, p = OldTwoOut()(x, w)
    numpy.testing.assert_allclose(p.array, [10.])
    p.backward()
    numpy.testing.assert_allclose(x.grad, [5.])
    numpy.testing.assert_allclose(w.grad, [2.])


def test_old_style_type_check():
    with pytest.raises(type_check.InvalidType):
        OldSquare()(numpy.zeros(1, numpy.float64))


def test_old_style_inputs_outputs_properties():
    x = chainer.Variable(numpy.array([2.], 'f'))
    f = OldSquare()
    y = f(x)
    assert f.inputs[0] is x
    assert f.outputs[0]() is y
    numpy.testing.assert_allclose(f.output_data[0], [4.])


def test_old_style_default_backward_gives_no_grad():
    class NoGrad(chainer.Function):
        def forward(self, inputs):
            return inputs[0] * 2,
    x = chainer.Variable(numpy.ones(1, 'f'))
    y = NoGrad()(x)
    y.backward()
    assert x.grad is None


def test_old_style_retain_inputs_subset():
    class KeepNone(chainer.Function):
        def forward(self, inputs):
            self.retain_inputs(())
            return inputs[0] * 2,

        def backward(self, inputs, grad_outputs):
            assert inputs[0] is None
            return grad_outputs[0] * 2,
    x = chainer.Variable(numpy.ones(1, 'f'))
    y = KeepNone()(x)
    y.backward()
    numpy.testing.assert_allclose(x.grad, [2.])
