"""Connecting a delegate variable to a graph it is not otherwise part of."""
import chainer.utils
from chainer import function_node
from chainermn.functions import _util


class PseudoConnect(function_node.FunctionNode):

    """Identity on the actual variables; zero gradient for the delegate."""

    def forward(self, inputs):
        self._delegate_spec = _util.output_spec(inputs[:1])
        return tuple(inputs[1:])

    def backward(self, indexes, grad_outputs):
        (shape, dtype, xp), = self._delegate_spec
        zero = chainer.Variable(xp.zeros(shape, dtype=dtype))
        return (zero,) + tuple(grad_outputs)


def pseudo_connect(delegate_variable, *actual_variables):
    """Passes ``actual_variables`` through, tied to ``delegate_variable``.

    Backward through the result reaches ``delegate_variable`` (with a zero
    gradient), so a :func:`send` whose delegate is connected this way has
    its gradient received in the right order.

    Args:
        delegate_variable (~chainer.Variable): Delegate from :func:`send`.
        actual_variables (~chainer.Variable): Variables to pass through.

    Returns:
        ~chainer.Variable or tuple: ``actual_variables`` (one Variable if
        there is only one).
    """
    chainer.utils.experimental('chainermn.functions.pseudo_connect')
    ys = PseudoConnect().apply((delegate_variable,) + actual_variables)
    return ys[0] if len(ys) == 1 else ys
