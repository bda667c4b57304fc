"""Recording one define-by-run call of a static chain into a Schedule.

The recorder is a function hook active during the first call for an input
signature. Before each ``FunctionNode.forward`` it snapshots the node's
constructor state and wraps ``forward`` on the instance to see the output
arrays. Arrays are matched by identity (all are kept alive until the
recording ends, so ids are unique) and get a *slot*: an input leaf, a node
or ``static_code`` output, an external Variable (a parameter, read anew on
every call) or a constant baked into the schedule.
"""
from chainer import configuration
from chainer import function_hook
from chainer.graph_optimizations import _schedule
from chainer import variable

_Variable = variable.Variable
_ndarray_types = variable._ndarray_types


class _NodeRecord(object):

    def __init__(self, func, template, in_slots):
        self.function = func
        self.template = template
        self.in_slots = in_slots
        self.out_slots = None
        self.out_meta = None


class _CodeRecord(object):

    def __init__(self, func, args, kwargs):
        self.func = func
        self.args = args
        self.kwargs = kwargs
        self.out_slots = ()


def _code_outputs(ret):
    """Arrays returned by a ``static_code`` function (else baked)."""
    items = ret if isinstance(ret, (tuple, list)) else (ret,)
    if not items:
        return []
    arrays = []
    for y in items:
        if isinstance(y, _Variable):
            arrays.append(y._data)
        elif isinstance(y, _ndarray_types):
            arrays.append(y)
        else:
            return []
    return arrays


class Recorder(function_hook.FunctionHook):

    """Function hook that traces a static chain's first call.

    Args:
        chain (~chainer.Link): The static chain.
        leaves (list): Flat input Variables/arrays of the call.
    """

    name = '_StaticGraphRecorder'

    def __init__(self, chain, leaves):
        self.chain = chain
        self.leaves = leaves
        self.graph_mode = configuration.config.enable_backprop
        self.arrays = []  # slot -> array (alive, so ids stay unique)
        self.kinds = []   # slot -> ('input', leaf) | ('node', rec) | ...
        self.slot_of = {}
        self.records = []
        self.depth = 0  # > 0 inside a traced forward or static_code
        self.problem = None
        self.leaf_slots = []
        for i, x in enumerate(leaves):
            a = x._data if isinstance(x, _Variable) else x
            s = self.slot_of.get(id(a))
            if s is None:
                s = self._new_slot(a, ('input', i))
            self.leaf_slots.append(s)

    def _new_slot(self, a, kind):
        s = len(self.arrays)
        self.arrays.append(a)
        self.kinds.append(kind)
        self.slot_of[id(a)] = s
        return s

    def _lookup(self, a):
        s = self.slot_of.get(id(a))
        if s is None:
            s = self._new_slot(a, ('unknown',))
        return s

    def forward_preprocess(self, func, in_data):
        if self.depth:
            return  # applied inside a traced forward: replayed with it
        if not hasattr(func, '__dict__'):
            self.problem = '%s has no __dict__ to copy' % func.label
            return
        rec = _NodeRecord(func, dict(func.__dict__),
                          [self._lookup(a) for a in in_data])
        recorder = self

        def traced_forward(inputs):
            del func.forward  # back to the class's method
            recorder.depth += 1
            try:
                outs = func.forward(inputs)
            finally:
                recorder.depth -= 1
            if type(outs) is tuple:
                index = len(recorder.records)
                rec.out_slots = [recorder._new_slot(y, ('node', index))
                                 for y in outs]
                rec.out_meta = [(y.shape, y.dtype) for y in outs]
                recorder.records.append(rec)
            return outs

        func.forward = traced_forward

    def backward_preprocess(self, func, in_data, out_grad):
        if not self.depth:
            self.problem = ('backward ran inside the static chain (e.g. '
                            'chainer.grad); such a chain is not static')

    def append_function(self, func, args, kwargs):
        """Runs a ``static_code`` function and adds it to the schedule."""
        if self.depth:
            return func(*args, **kwargs)
        t_args = self._template(args)
        t_kwargs = self._template(kwargs)
        self.depth += 1
        try:
            ret = func(*args, **kwargs)
        finally:
            self.depth -= 1
        rec = _CodeRecord(func, t_args, t_kwargs)
        index = len(self.records)
        rec.out_slots = tuple([self._new_slot(a, ('code', index))
                               for a in _code_outputs(ret)])
        self.records.append(rec)
        return ret

    def _template(self, x):
        if isinstance(x, _Variable):
            s = self.slot_of.get(id(x._data))
            return x if s is None else _schedule.SlotRef(s, True)
        if isinstance(x, _ndarray_types):
            s = self.slot_of.get(id(x))
            return x if s is None else _schedule.SlotRef(s, False)
        if type(x) is tuple:
            return tuple([self._template(e) for e in x])
        if type(x) is list:
            return [self._template(e) for e in x]
        if type(x) is dict:
            return {k: self._template(v) for k, v in x.items()}
        return x
