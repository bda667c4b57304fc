"""``chainer.grad``: gradients of outputs with respect to chosen inputs.

Unlike ``Variable.backward`` it visits only the part of the graph from
which some requested input can be reached, and returns the gradients
instead of accumulating them into ``.grad``.
"""
import chainer
from chainer import _backprop
from chainer import configuration
from chainer import variable


def grad(outputs, inputs, grad_outputs=None, grad_inputs=None, set_grad=False,
         retain_grad=False, enable_double_backprop=False, loss_scale=None):
    """Computes the gradients of ``outputs`` with respect to ``inputs``.

    Unlike :meth:`Variable.backward`, the gradients are returned rather
    than accumulated into ``.grad`` (unless ``set_grad``), and only the part
    of the graph between ``inputs`` and ``outputs`` is traversed.

    Args:
        outputs (tuple or list of ~chainer.Variable): Targets.
        inputs (tuple or list of ~chainer.Variable): Variables to
            differentiate with respect to.
        grad_outputs: Initial output gradients (Variables or ``None``;
            ``None`` means ones for single-element outputs).
        grad_inputs: Initial input gradients added to the results.
        set_grad (bool): Also store the results in ``inputs[i].grad_var``.
        retain_grad (bool): Keep gradients of intermediate variables.
        enable_double_backprop (bool): Make the result differentiable.
        loss_scale (float): Initial gradient scale factor.
    Returns:
        list of ~chainer.Variable: Gradients (``None`` where unreachable).
    """
    if not isinstance(outputs, (tuple, list)):
        raise TypeError(
            'outputs must be a tuple or a list, not {}.'.format(type(outputs)))
    if not isinstance(inputs, (tuple, list)):
        raise TypeError(
            'inputs must be a tuple or a list, not {}.'.format(type(inputs)))
    for v in outputs:
        if not isinstance(v, variable.Variable):
            raise TypeError('each output must be a Variable, not %s'
                            % type(v))
    for v in inputs:
        if not isinstance(v, variable.Variable):
            raise TypeError('each input must be a Variable, not %s'
                            % type(v))
    if grad_outputs is not None:
        if not isinstance(grad_outputs, (tuple, list)):
            raise TypeError('grad_outputs must be a tuple or a list or None,'
                            ' not {}.'.format(type(grad_outputs)))
        if len(outputs) != len(grad_outputs):
            raise ValueError(
                'grad_outputs must be of the same length as outputs.\n'
                'len(outputs) = {}, len(grad_outputs) = {}'
                .format(len(outputs), len(grad_outputs)))
    if grad_inputs is not None:
        if not isinstance(grad_inputs, (tuple, list)):
            raise TypeError('grad_inputs must be a tuple or a list or None,'
                            ' not {}.'.format(type(grad_inputs)))
        if len(inputs) != len(grad_inputs):
            raise ValueError(
                'grad_inputs must be of the same length as inputs.\n'
                'len(inputs) = {}, len(grad_inputs) = {}'
                .format(len(inputs), len(grad_inputs)))
    with configuration.using_config('enable_backprop',
                                    enable_double_backprop):
        return grad_of(outputs, inputs, grad_outputs, grad_inputs,
                                 set_grad, retain_grad, loss_scale)


def _useful_functions(outputs, target_nodes):
    """Functions from which some target node can be reached backward."""
    useful = {}
    for out in outputs:
        root = out._node._creator_node
        if root is None or root in useful:
            continue
        # Iterative post-order DFS (children finish before parents).
        stack = [(root, False)]
        while stack:
            func, expanded = stack.pop()
            if expanded:
                flag = False
                for x in func.inputs:
                    if x in target_nodes:
                        flag = True
                    c = x._creator_node
                    if c is not None and useful.get(c):
                        flag = True
                useful[func] = flag
                continue
            if func in useful:
                continue
            useful[func] = False  # placeholder while expanding
            stack.append((func, True))
            for x in func.inputs:
                c = x._creator_node
                if c is not None and c not in useful and x._requires_grad:
                    stack.append((c, False))
    return useful


def grad_of(outputs, inputs, grad_outputs, grad_inputs, set_grad,
            retain_grad, loss_scale):
    """Implementation of :func:`chainer.grad` (arguments already checked)."""
    mode = _backprop._Mode(not configuration.config.enable_backprop)
    target_nodes = set(x._node for x in inputs)
    grads = {}
    if grad_outputs is None:
        grad_outputs = [y._grad_var for y in outputs]
    for y, gy in zip(outputs, grad_outputs):
        if gy is None:
            gy = _backprop._new_variable(_backprop._ones_like(y._data, loss_scale), False)
        elif not isinstance(gy, variable.Variable):
            gy = chainer.Variable(gy, requires_grad=False)
        gy = mode.from_var(gy)
        node = y._node
        cur = grads.get(node)
        grads[node] = gy if cur is None else mode.add(cur, gy)
    if grad_inputs is not None:
        for x, gx in zip(inputs, grad_inputs):
            if gx is None:
                continue
            if not isinstance(gx, variable.Variable):
                gx = chainer.Variable(gx, requires_grad=False)
            gx = mode.from_var(gx)
            node = x._node
            cur = grads.get(node)
            grads[node] = gx if cur is None else mode.add(cur, gx)

    useful = _useful_functions(outputs, target_nodes)
    starts = [y._node._creator_node for y in outputs]
    starts = [f for f in starts if f is not None and useful.get(f)]
    if starts:
        _backprop._traverse(starts, grads, mode, retain_grad, target_nodes, False,
                  useful=useful)

    ret = []
    for x in inputs:
        gx = grads.get(x._node)
        if type(gx) is list:
            gx = mode.sum(gx)
        gx = mode.to_var(gx)
        ret.append(gx)
        if set_grad:
            x._grad_var = gx
            x._loss_scale = loss_scale
    return ret
