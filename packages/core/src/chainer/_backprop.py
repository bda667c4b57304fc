"""The backward traversal behind ``Variable.backward`` and ``chainer.grad``.

Functions are visited in decreasing rank (a heap), so the traversal is
iterative and every gradient of a node is complete before the function that
created the node runs. Output gradients are dropped as soon as their
creator has consumed them, so memory stays bounded by the live frontier.

Two representations of gradients are used. When the backward graph is
built (double backprop), gradients are Variables and every function's
``backward`` runs. Otherwise gradients are plain arrays, and functions that
define ``_backward_arrays`` (the hot elementwise ones) skip the Variable
machinery entirely; other functions get their gradients wrapped on the fly.

Hooks registered with :func:`grad_ready_hook` are called with each leaf
Variable the moment its gradient is final, before the traversal ends; a
distributed optimizer uses this to start reducing gradients while backward
is still running.
"""
import contextlib
import heapq
import threading

import numpy

import chainer
from chainer import configuration
from chainer import function_hook
from chainer import variable

_thread_local = threading.local()
_new_variable = variable._new_variable
_Variable = variable.Variable


def _grad_ready_hooks():
    hooks = getattr(_thread_local, 'grad_ready_hooks', None)
    if hooks is None:
        hooks = _thread_local.grad_ready_hooks = []
    return hooks


@contextlib.contextmanager
def grad_ready_hook(callback):
    """Calls ``callback(variable)`` when a leaf's gradient is complete.

    Active for ``Variable.backward`` calls in the ``with`` block of the
    current thread. ``variable.grad_var`` is final when it is called.
    """
    hooks = _grad_ready_hooks()
    hooks.append(callback)
    try:
        yield
    finally:
        hooks.remove(callback)


def add_grads(a, b):
    """Sum of two gradient Variables (through ``F.add`` if differentiable)."""
    if configuration.config.enable_backprop:
        return chainer.functions.add(a, b)
    return _new_variable(_add_arrays(a._data, b._data), False)


def _add_arrays(a, b):
    s = a + b
    if isinstance(s, numpy.generic):
        s = numpy.asarray(s)
    return s


def _ones_like(data, loss_scale):
    xp = chainer.backend.get_array_module(data)
    g = xp.ones_like(data)
    if loss_scale is not None:
        g *= loss_scale
    return g


class _Mode(object):
    """How gradients are held: as Variables or as raw arrays."""

    def __init__(self, use_arrays):
        self.arrays = use_arrays

    def from_var(self, v):
        if v is None:
            return None
        if self.arrays:
            return v._data
        return v

    def to_var(self, g):
        if g is None or not self.arrays:
            return g
        return _new_variable(g, False)

    def add(self, a, b):
        if self.arrays:
            return _add_arrays(a, b)
        return add_grads(a, b)

    def sum(self, gs):
        if len(gs) == 1:
            return gs[0]
        if self.arrays:
            s = gs[0]
            for g in gs[1:]:
                s = _add_arrays(s, g)
            return s
        return chainer.functions.add(*gs)


def backward_from(var, retain_grad, loss_scale):
    """Runs backprop from one Variable (see ``Variable.backward``)."""
    node = var._node
    func = node._creator_node
    if func is None:
        return
    if var._data is None:
        raise RuntimeError('backward of a variable without data')
    if var._grad_var is None and var._data.size == 1:
        var._grad_var = _new_variable(
            _ones_like(var._data, loss_scale), False)
    mode = _Mode(not configuration.config.enable_backprop)
    grads = {node: mode.from_var(var._grad_var)}
    leaf_hooks = _grad_ready_hooks()
    pending = _count_leaf_uses(func) if leaf_hooks else None
    leaves = _traverse([func], grads, mode, retain_grad, None, True,
                       pending, leaf_hooks, loss_scale)
    for leaf in leaves:
        _finish_leaf(leaf, grads, mode, loss_scale, leaf_hooks)


def _finish_leaf(leaf, grads, mode, loss_scale, leaf_hooks):
    v = leaf._variable()
    if v is None:
        return
    gx = grads.get(leaf)
    if type(gx) is list:
        gx = grads[leaf] = mode.sum(gx)
    v._grad_var = mode.to_var(gx)
    # Always set (even to None): a stale scale from an earlier backward
    # would make the optimizer divide this gradient again.
    v._loss_scale = loss_scale
    for hook in leaf_hooks:
        hook(v)


def _count_leaf_uses(root):
    """How many times each leaf node will receive a gradient."""
    counts = {}
    seen = {root}
    stack = [root]
    while stack:
        func = stack.pop()
        for x in func.inputs:
            if not x._requires_grad:
                continue
            creator = x._creator_node
            if creator is None:
                counts[x] = counts.get(x, 0) + 1
            elif creator not in seen:
                seen.add(creator)
                stack.append(creator)
    return counts


def _traverse(funcs, grads, mode, retain_grad, targets, accumulate_leaves,
              pending=None, leaf_hooks=(), loss_scale=None, useful=None):
    """Visits functions from ``funcs`` back to the leaves.

    Args:
        funcs: Starting function nodes.
        grads (dict): node -> gradient (in ``mode``'s form), updated.
        mode (_Mode): Representation of gradients.
        retain_grad (bool): Store intermediate gradients on Variables.
        targets (set or None): Nodes whose gradients must be kept (``grad``).
        accumulate_leaves (bool): Start leaf gradients from ``.grad``.
        pending (dict or None): Leaf use counts for early grad-ready hooks.
        useful (dict or None): If given, only functions mapped to ``True``
            are visited (``chainer.grad`` prunes branches with no target).
    Returns:
        The set of leaf nodes that received gradients (not yet finished).
    """
    cfg = configuration.config
    lazy = cfg.lazy_grad_sum
    debug = cfg.debug
    use_arrays = mode.arrays
    heap = []
    seen = set()
    counter = 0
    for f in funcs:
        if f not in seen:
            seen.add(f)
            heapq.heappush(heap, (-f.rank, counter, f))
            counter += 1
    leaves = set()
    global_hooks = function_hook._get_function_hooks()
    heappop = heapq.heappop
    heappush = heapq.heappush
    while heap:
        func = heappop(heap)[2]
        inputs = func.inputs

        # Gradients of the outputs, complete now (consumers ran first).
        out_grad = []
        any_grad = False
        for y_ref in func.outputs:
            y = y_ref()
            if y is None:
                out_grad.append(None)
                continue
            if targets is not None and y in targets:
                gy = grads.get(y)
            else:
                gy = grads.pop(y, None)
            if type(gy) is list:
                gy = mode.sum(gy)
                if targets is not None and y in targets:
                    grads[y] = gy
            if gy is not None:
                any_grad = True
            out_grad.append(gy)
            if retain_grad:
                y_var = y._variable()
                if y_var is not None:
                    y_var._grad_var = mode.to_var(gy)
        if not any_grad:
            continue  # nothing flows back through this function
        target_input_indexes = tuple([
            i for i, x in enumerate(inputs) if x._requires_grad])
        if not target_input_indexes:
            continue

        # Gradients accumulated so far for the inputs (first use only).
        in_grad = []
        if len(target_input_indexes) == 1:
            first_use = None
        else:
            first_use = set()
        for i in target_input_indexes:
            x = inputs[i]
            if first_use is not None:
                if x in first_use:
                    in_grad.append(None)
                    continue
                first_use.add(x)
            g = grads.pop(x, None)
            if type(g) is list:
                g = mode.sum(g)
            if g is None and accumulate_leaves and \
                    x._creator_node is None and x not in leaves:
                v = x._variable()
                if v is not None:
                    g = mode.from_var(v._grad_var)
            in_grad.append(g)

        hooks = global_hooks
        local_hooks = func._local_function_hooks
        if local_hooks:
            hooks = dict(hooks)
            hooks.update(local_hooks)
        if hooks:
            in_data = tuple([x.data for x in inputs])
            out_data = tuple(out_grad) if use_arrays else tuple([
                None if g is None else g._data for g in out_grad])
            for hook in hooks.values():
                hook.backward_preprocess(func, in_data, out_data)

        gxs = _call_backward(func, target_input_indexes, out_grad,
                             in_grad, use_arrays)

        if hooks:
            for hook in hooks.values():
                hook.backward_postprocess(func, in_data, out_data)
        del out_grad, in_grad

        for i, gx in zip(target_input_indexes, gxs):
            x = inputs[i]
            if gx is not None:
                data = gx if use_arrays else gx._data
                if data.shape != x.shape or data.dtype != x.dtype:
                    _raise_grad_mismatch(func, x, data, i)
                if debug:
                    _check_nan(func, data)
                cur = grads.get(x)
                if cur is None:
                    grads[x] = [gx] if lazy else gx
                elif lazy:
                    cur.append(gx)
                else:
                    grads[x] = mode.add(cur, gx)
            creator = x._creator_node
            if creator is None:
                if x in grads:
                    leaves.add(x)
                if pending is not None:
                    left = pending[x] = pending[x] - 1
                    if left == 0 and x in leaves:
                        leaves.discard(x)
                        _finish_leaf(x, grads, mode, loss_scale, leaf_hooks)
            elif creator not in seen and (
                    useful is None or useful.get(creator)):
                seen.add(creator)
                heappush(heap, (-creator.rank, counter, creator))
                counter += 1
        del gxs
    return leaves


def _call_backward(func, indexes, out_grad, in_grad, use_arrays):
    """Runs one function's backward; returns one gradient per index."""
    fast = getattr(func, '_backward_arrays', None) if use_arrays else None
    if fast is not None:
        gxs = fast(indexes, out_grad)
        ret = []
        for gx, g in zip(gxs, in_grad):
            if g is not None:
                gx = g if gx is None else _add_arrays(g, gx)
            ret.append(gx)
        return ret
    if use_arrays:
        out_grad = tuple([None if g is None else _new_variable(g, False)
                          for g in out_grad])
        in_grad = tuple([None if g is None else _new_variable(g, False)
                         for g in in_grad])
    else:
        out_grad = tuple(out_grad)
        in_grad = tuple(in_grad)
    gxs = func.backward_accumulate(indexes, out_grad, in_grad)
    if len(gxs) != len(indexes):
        raise ValueError(
            'backward_accumulate of %s returned %d gradients for %d '
            'inputs' % (func.label, len(gxs), len(indexes)))
    ret = []
    for gx in gxs:
        if gx is not None and not isinstance(gx, _Variable):
            gx = _new_variable(gx, False)  # v5 tolerates raw arrays here
        if use_arrays and gx is not None:
            gx = gx._data
        ret.append(gx)
    return ret


def _raise_grad_mismatch(func, x, data, index):
    if x.shape is not None and data.shape != x.shape:
        raise ValueError(
            'gradient of input %d of %s has shape %s, but the input has '
            'shape %s' % (index, func.label, data.shape, x.shape))
    if x.dtype is not None and data.dtype != x.dtype:
        raise TypeError(
            'gradient of input %d of %s has dtype %s, but the input has '
            'dtype %s' % (index, func.label, data.dtype, x.dtype))


def _check_nan(func, data):
    if data.dtype.kind == 'f':
        xp = chainer.backend.get_array_module(data)
        if xp.isnan(data).any():
            raise RuntimeError(func._get_error_message(
                'NaN is detected on backward computation of %s'
                % func.label))
