"""Link running a Theano graph (``chainer.links.TheanoFunction``).

Theano is an optional dependency; it is imported when a link is built.
"""
import numpy

from chainer.backends import cuda
from chainer import function_node
from chainer import link
from chainer.utils import type_check


def _import_theano():
    try:
        import theano
    except ImportError as e:
        raise ImportError(
            'TheanoFunction requires Theano, which is not installed. '
            'Install it with: pip install theano') from e
    return theano


class _TheanoFunctionNode(function_node.FunctionNode):

    """Applies compiled Theano forward and gradient functions."""

    def __init__(self, forward_func, backward_func):
        self.forward_func = forward_func
        self.backward_func = backward_func

    def check_type_forward(self, in_types):
        storages = self.forward_func.input_storage
        type_check.expect(in_types.size() == len(storages))
        for actual, storage in zip(in_types, storages):
            expect = storage.type
            type_check.expect(
                actual.dtype == numpy.dtype(expect.dtype),
                actual.ndim == expect.ndim,
            )

    def forward(self, inputs):
        if cuda.get_array_module(*inputs) is not numpy:
            raise NotImplementedError(
                'TheanoFunction runs on the CPU only in this implementation')
        self.retain_inputs(tuple(range(len(inputs))))
        outputs = self.forward_func(*inputs)
        self._out_specs = [(y.shape, y.dtype) for y in outputs]
        return tuple(numpy.asarray(y) for y in outputs)

    def backward(self, indexes, grad_outputs):
        inputs = self.get_retained_inputs()
        # An unused output has no gradient; Theano wants zeros there.
        gys = tuple(
            numpy.zeros(shape, dtype) if gy is None else gy
            for gy, (shape, dtype) in zip(grad_outputs, self._out_specs))
        return _TheanoGrad(self.backward_func, len(gys)).apply(
            tuple(inputs) + gys)


class _TheanoGrad(function_node.FunctionNode):

    """Gradient of a Theano graph; not differentiable again."""

    def __init__(self, backward_func, n_outputs):
        self.backward_func = backward_func
        self.n_outputs = n_outputs

    def forward(self, inputs):
        n_in = len(inputs) - self.n_outputs
        xs, gys = inputs[:n_in], inputs[n_in:]
        gxs = self.backward_func(*(tuple(xs) + tuple(gys)))
        return tuple(numpy.asarray(g, dtype=x.dtype)
                     for g, x in zip(gxs, xs))

    def backward(self, indexes, grad_outputs):
        raise NotImplementedError(
            'double backpropagation through TheanoFunction is not supported')


class TheanoFunction(link.Link):

    """Theano function wrapper.

    Compiles a Theano graph from its symbolic ``inputs`` to ``outputs``
    (and the gradient graph) and applies it to Chainer variables, so the
    graph can be a part of a Chainer model. It runs on the CPU.

    Args:
        inputs (tuple of ``theano.tensor.TensorVariable``): Inputs of the
            graph.
        outputs (tuple of ``theano.tensor.TensorVariable``): Outputs of
            the graph.

    Raises:
        ImportError: Theano is not installed.
    """

    def __init__(self, inputs, outputs):
        theano = _import_theano()
        super(TheanoFunction, self).__init__()
        inputs = tuple(inputs)
        outputs = tuple(outputs)
        self.forward_func = theano.function(inputs=inputs, outputs=outputs)

        gs = tuple(o.type('g_{}'.format(i)) for i, o in enumerate(outputs))
        known_grads = dict(zip(outputs, gs))
        grad = theano.tensor.grad(
            cost=None, wrt=inputs, known_grads=known_grads,
            disconnected_inputs='ignore')
        self.backward_func = theano.function(
            inputs=inputs + gs, outputs=grad, on_unused_input='ignore')

    def forward(self, *args):
        """Applies the Theano graph to the inputs.

        Returns:
            tuple of ~chainer.Variable: The outputs of the graph.
        """
        node = _TheanoFunctionNode(self.forward_func, self.backward_func)
        outputs = node.apply(args)
        return outputs[0] if len(outputs) == 1 else outputs
