"""Forget: drop intermediate results and recompute them on backward."""
import chainer
from chainer import function_node


def _as_tuple(outs):
    if isinstance(outs, chainer.Variable):
        return (outs,), True
    if isinstance(outs, tuple) and all(
            isinstance(o, chainer.Variable) for o in outs):
        return outs, False
    raise RuntimeError(
        'the function given to forget must return a Variable or a tuple of '
        'Variables, not %s' % type(outs).__name__)


class Forget(function_node.FunctionNode):

    """Runs ``func`` without a graph; re-runs it with one on backward."""

    def __init__(self, func):
        if not callable(func):
            raise TypeError('func must be callable, not %s'
                            % type(func).__name__)
        self.func = func

    def forward(self, inputs):
        self.retain_inputs(tuple(range(len(inputs))))
        # No graph is kept: intermediate arrays are freed right away.
        with chainer.no_backprop_mode():
            xs = [chainer.Variable(x) for x in inputs]
            outs, self._single = _as_tuple(self.func(*xs))
        return tuple(o.array for o in outs)

    def backward(self, indexes, grad_outputs):
        inputs = [x.array for x in self.get_retained_inputs()]
        with chainer.force_backprop_mode():
            xs = [chainer.Variable(x) for x in inputs]
            outs, _ = _as_tuple(self.func(*xs))
        used = [(o, g) for o, g in zip(outs, grad_outputs) if g is not None]
        if not used:
            return tuple(None for _ in indexes)
        # The recomputed graph is separate from the caller's, so the
        # gradients are plain arrays: like v5, no double backprop.
        targets = [xs[i] for i in indexes]
        grads = chainer.grad(
            [o for o, _ in used], targets,
            grad_outputs=[g.array for _, g in used])
        return tuple(None if g is None else
                     chainer.Variable(g.array, requires_grad=False)
                     for g in grads)


def forget(func, *xs):
    """Calls a function without storing intermediate results.

    On the forward pass ``func(*xs)`` runs without building a graph, so
    none of its intermediate arrays are kept; only the inputs are. On the
    backward pass ``func`` is called again with a graph to compute the
    gradients. This trades computation for memory. ``func`` must be
    deterministic (e.g. no dropout).

    Args:
        func (callable): Function of ``len(xs)`` Variables returning a
            Variable or a tuple of Variables.
        xs (~chainer.Variable or ndarray): Arguments of ``func``.

    Returns:
        ~chainer.Variable or tuple: What ``func`` returns.

    .. admonition:: Example

        >>> x = chainer.Variable(np.array([1., 2.], np.float32))
        >>> y = F.forget(lambda a: F.sum(a * a * 3), x)
        >>> y.backward()
        >>> x.grad
        array([ 6., 12.], dtype=float32)
    """
    for i, x in enumerate(xs):
        if not (isinstance(x, chainer.Variable) or
                hasattr(x, 'shape') and hasattr(x, 'dtype')):
            raise TypeError('argument %d of forget must be a Variable or an '
                            'array, not %s' % (i, type(x).__name__))
    node = Forget(func)
    outs = node.apply(xs)
    return outs[0] if node._single else outs
