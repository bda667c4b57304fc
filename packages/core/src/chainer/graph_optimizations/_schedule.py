"""A recorded static schedule and the node that replays it.

The schedule is a list of *steps* over numbered *slots* (arrays). A node
step re-runs a recorded :class:`~chainer.FunctionNode`'s ``forward`` on a
fresh shallow copy of the node (its constructor state, snapshot before the
recorded forward), so every replay computes with its own node state, just as
define-by-run builds new nodes each call. A code step calls a
``@static_code`` function again with the current arrays. Backward runs the
recorded nodes that need it in reverse order (see ``_backward``).

Type checks, hooks, Variables, graph links and the heap-ordered traversal
are skipped: the recording already went through them once for this input
signature.
"""
import copy

import numpy

from chainer.backends import cuda
from chainer import configuration
from chainer import function_node
from chainer.graph_optimizations import _backward
from chainer import variable

NODE = 0
CODE = 1

_object_new = object.__new__
_new_variable = variable._new_variable


class SlotRef(object):

    """Stands for a slot's current array in a ``@static_code`` argument."""

    __slots__ = ('slot', 'as_variable')

    def __init__(self, slot, as_variable):
        self.slot = slot
        self.as_variable = as_variable


def _substitute(x, slots):
    if type(x) is SlotRef:
        a = slots[x.slot]
        return _new_variable(a, False) if x.as_variable else a
    if type(x) is tuple:
        return tuple([_substitute(e, slots) for e in x])
    if type(x) is list:
        return [_substitute(e, slots) for e in x]
    if type(x) is dict:
        return {k: _substitute(v, slots) for k, v in x.items()}
    return x


class Schedule(object):

    """Everything needed to replay one recorded call of a static chain.

    Attributes (filled by the recorder):
        n_slots (int): Number of slots.
        init_slots (list): Constant arrays at their slots, None elsewhere.
        in_slots (list of int): Slots of the schedule node's inputs: the
            unique input leaves, then the external Variables.
        unique_leaves (list of int): Positions of the unique input leaves.
        externals (list): ``(variable, meta)`` read on every call.
        steps (list): Node and code steps in execution order.
        out_slots (list of int): Slot of each output leaf.
        out_structure: Nesting of the outputs.
        out_seeds (list of int): Slot receiving each output's gradient, or
            -1 where no gradient flows back (graph cut).
        backward_steps (list): Node steps that need backward, reversed.
        drop_slots (list of int): Slots backward never reads.
        label (str): Name for messages.
    """

    def __init__(self):
        self.checked_backward = False

    def externals_valid(self):
        """Whether external Variables still match the recording."""
        seen = self.external_arrays
        for i, var in enumerate(self.external_vars):
            a = var._data
            if a is seen[i]:
                continue  # common case: updated in place
            meta = self.externals[i][1]
            if a is None or (type(a), a.shape, a.dtype,
                             var._requires_grad) != meta:
                return False
            seen[i] = a
        return True

    def run_forward(self, in_arrays, keep):
        slots = list(self.init_slots)
        for s, a in zip(self.in_slots, in_arrays):
            slots[s] = a
        nodes = [] if keep else None
        for step in self.steps:
            if step[0] == NODE:
                node = _run_node_step(step, slots)
            else:
                node = None
                _run_code_step(step, slots)
            if keep:
                nodes.append(node)
        outs = tuple([slots[s] for s in self.out_slots])
        if keep:
            for s in self.drop_slots:
                slots[s] = None
        return outs, slots, nodes

    def run_backward(self, slots, nodes, indexes, grad_outputs):
        grads = {}
        for s, g in zip(self.out_seeds, grad_outputs):
            if g is None or s < 0:
                continue
            cur = grads.get(s)
            grads[s] = g if cur is None else _backward.add(cur, g)
        check = not self.checked_backward
        for step in self.backward_steps:
            gys = tuple([grads.pop(s, None) for s in step.out_slots])
            for g in gys:
                if g is not None:
                    break
            else:
                continue
            gxs = step.run(nodes[step.index], slots, gys, check)
            in_slots = step.in_slots
            for k, gx in zip(step.targets, gxs):
                if gx is None:
                    continue
                s = in_slots[k]
                cur = grads.get(s)
                grads[s] = gx if cur is None else _backward.add(cur, gx)
        self.checked_backward = True
        in_slots = self.in_slots
        return tuple([grads.get(in_slots[i]) for i in indexes])


def _run_node_step(step, slots):
    _, cls, template, in_slots, out_slots, out_meta, inner = step
    node = _object_new(cls)
    if template:
        d = node.__dict__
        d.update(template)
        if inner:
            # Old-style Function: its object holds the forward state too.
            d['_function'] = copy.copy(template['_function'])
    outs = node.forward(tuple([slots[s] for s in in_slots]))
    if type(outs) is not tuple or len(outs) != len(out_slots):
        raise RuntimeError(
            'static_graph: %s returned %s outputs, but %d were recorded'
            % (node.label, len(outs) if type(outs) is tuple else type(outs),
               len(out_slots)))
    for s, y, meta in zip(out_slots, outs, out_meta):
        if y.shape != meta[0] or y.dtype != meta[1]:
            raise RuntimeError(
                'static_graph: the graph is not static: %s produced an '
                'output of shape %s and dtype %s, but %s and %s when it '
                'was recorded' % (node.label, y.shape, y.dtype, meta[0],
                                  meta[1]))
        slots[s] = y
    return node


def _run_code_step(step, slots):
    _, func, args, kwargs, out_slots = step
    ret = func(*_substitute(args, slots), **_substitute(kwargs, slots))
    if not out_slots:
        return
    if not isinstance(ret, (tuple, list)):
        ret = (ret,)
    if len(ret) != len(out_slots):
        raise RuntimeError(
            'static_graph: static_code function %s returned %d arrays, but '
            '%d were recorded' % (getattr(func, '__name__', func), len(ret),
                                  len(out_slots)))
    for s, y in zip(out_slots, ret):
        slots[s] = y._data if isinstance(y, variable.Variable) else y


class StaticScheduleFunction(function_node.FunctionNode):

    """One replay of a static chain, as a single node of the graph.

    Its inputs are the chain's input leaves and the external Variables
    (parameters) the recording found; its outputs are the chain's outputs.
    Forward runs the forward steps; backward runs the backward steps and
    returns the gradients of the inputs, which the surrounding backprop
    accumulates into the parameters' ``grad`` as usual.

    Args:
        schedule (Schedule): The recorded schedule.
        keep_state (bool): Keep what backward needs (graph mode only).
    """

    def __init__(self, schedule, keep_state):
        self.schedule = schedule
        self._keep = keep_state
        self._slots = None
        self._nodes = None

    @property
    def label(self):
        return 'StaticScheduleFunction(%s)' % self.schedule.label

    def forward(self, inputs):
        schedule = self.schedule
        outs, slots, nodes = schedule.run_forward(inputs, self._keep)
        if self._keep:
            self._slots = slots
            self._nodes = nodes
        return outs

    def _backward_arrays(self, indexes, grad_outputs):
        if self._nodes is None:
            raise RuntimeError('static_graph: this call of the static chain '
                               'kept no state for backward')
        run = self.schedule.run_backward
        for g in grad_outputs:
            if g is None:
                continue
            if isinstance(g, numpy.ndarray):
                break
            # Gradient code called directly (not through apply) must still
            # run on the arrays' device.
            with cuda.get_device_from_array(g):
                return run(self._slots, self._nodes, indexes, grad_outputs)
        return run(self._slots, self._nodes, indexes, grad_outputs)

    def backward(self, indexes, grad_outputs):
        if configuration.config.enable_backprop:
            raise RuntimeError(
                'static_graph: double backprop through a static chain is '
                'not supported; decorate it with '
                'static_graph(enable_double_backprop=True)')
        gxs = self._backward_arrays(
            indexes, [None if g is None else g._data for g in grad_outputs])
        return tuple([None if g is None else _new_variable(g, False)
                      for g in gxs])
