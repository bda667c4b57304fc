"""Turning a finished recording into a replayable Schedule.

The recorded define-by-run graph (still alive when the chain returns) says
which inputs each node really differentiates: an edge exists only where the
node's input VariableNode is the recorded producer's output (or the leaf
itself) and requires grad, so ``no_backprop_mode`` blocks, ``unchain`` and
raw arrays keep their define-by-run meaning on replay.
"""
from chainer import function
from chainer.graph_optimizations import _backward
from chainer.graph_optimizations import _recorder
from chainer.graph_optimizations import _schedule

_NodeRecord = _recorder._NodeRecord
_OUTSIDE = ('it uses a Variable computed outside the chain that is not one '
            'of its arguments; pass it as an argument')


def _meta(var):
    a = var._data
    return type(a), a.shape, a.dtype, var._requires_grad


def _bases(a):
    b = getattr(a, 'base', None)
    while b is not None:
        yield b
        b = getattr(b, 'base', None)


def build(rec, unique, out_leaves, out_structure, label):
    """Builds the Schedule, or returns a string saying why it cannot."""
    if rec.problem:
        return rec.problem
    arrays, kinds, records = rec.arrays, rec.kinds, rec.records

    params = {}
    for p in rec.chain.params():
        if p._data is not None:
            params.setdefault(id(p._data), p)
    externals = {}
    for r in records:
        if not isinstance(r, _NodeRecord):
            continue
        fin = r.function.inputs
        for k, s in enumerate(r.in_slots):
            if kinds[s][0] != 'unknown' or s in externals:
                continue
            var = None
            if fin is not None:
                if fin[k]._creator_node is not None:
                    # Computed before this call (e.g. recurrent state kept
                    # in an attribute): replays would reuse this array.
                    return _OUTSIDE
                var = fin[k]._variable()
                if var is not None and var._data is not arrays[s]:
                    var = None
            if var is None:
                var = params.get(id(arrays[s]))
            if var is not None:
                externals[s] = var
    for s, kind in enumerate(kinds):
        if kind[0] == 'unknown':
            kinds[s] = ('external',) if s in externals else ('const',)

    out_slots = []
    for v in out_leaves:
        s = rec.slot_of.get(id(v._data))
        if s is None:
            p = params.get(id(v._data))
            s = rec._new_slot(v._data, ('external',) if p is not None
                             else ('const',))
            if p is not None:
                externals[s] = p
        out_slots.append(s)

    # A constant that views an input or computed array was made by raw
    # array code from this call's data: replaying it would be stale.
    dynamic = set()
    for s, kind in enumerate(kinds):
        if kind[0] in ('input', 'node', 'code'):
            dynamic.add(id(arrays[s]))
            dynamic.update(id(b) for b in _bases(arrays[s]))
    for s, kind in enumerate(kinds):
        if kind[0] == 'const' and any(
                id(b) in dynamic for b in _bases(arrays[s])):
            return ('an array used by a function was computed from this '
                    "call's data outside Chainer functions; wrap that code "
                    'in a @static_code function')

    sched = _schedule.Schedule()
    sched.label = label
    sched.n_slots = len(arrays)
    sched.init_slots = [arrays[s] if kinds[s][0] == 'const' else None
                        for s in range(len(arrays))]
    ext_slots = sorted(externals)
    sched.unique_leaves = list(unique)
    sched.in_slots = [rec.leaf_slots[i] for i in unique]
    sched.in_slots += ext_slots
    sched.externals = [(externals[s], _meta(externals[s]))
                       for s in ext_slots]
    sched.external_vars = [externals[s] for s in ext_slots]
    sched.external_arrays = [externals[s]._data for s in ext_slots]
    sched.steps = [_step(r) for r in records]
    sched.out_slots = out_slots
    sched.out_structure = out_structure
    _plan_backward(sched, rec, externals, out_leaves)
    return sched


def _step(r):
    if isinstance(r, _NodeRecord):
        return (_schedule.NODE, type(r.function), r.template,
                tuple(r.in_slots), tuple(r.out_slots), tuple(r.out_meta),
                isinstance(r.function, function.FunctionAdapter))
    return (_schedule.CODE, r.func, r.args, r.kwargs, r.out_slots)


def _plan_backward(sched, rec, externals, out_leaves):
    kinds, records = rec.kinds, rec.records
    n = len(kinds)
    if not rec.graph_mode:
        sched.backward_steps = []
        sched.out_seeds = [-1] * len(out_leaves)
        sched.drop_slots = []
        return

    def edge(vn, s):
        kind = kinds[s]
        if kind[0] == 'input':
            leaf = rec.leaves[kind[1]]
            return getattr(leaf, '_node', None) is vn
        if kind[0] == 'external':
            return externals[s]._node is vn
        if kind[0] == 'node':
            return vn._creator_node is records[kind[1]].function
        return False

    # Slots through which a gradient can reach a leaf that wants one.
    flows = set()
    for s in range(n):
        kind = kinds[s]
        if kind[0] == 'input':
            leaf = rec.leaves[kind[1]]
            if getattr(leaf, '_requires_grad', False):
                flows.add(s)
        elif kind[0] == 'external' and externals[s]._requires_grad:
            flows.add(s)
    steps = []
    needed = set()
    for i, r in enumerate(records):
        if not isinstance(r, _NodeRecord):
            continue
        fn = r.function
        fin = fn.inputs
        if fin is None:
            continue  # applied without a graph (no_backprop_mode)
        targets = []
        meta = []
        for k, s in enumerate(r.in_slots):
            vn = fin[k]
            meta.append((vn.shape, vn.dtype, vn._requires_grad))
            if vn._requires_grad and s in flows and edge(vn, s):
                targets.append(k)
        if not targets:
            continue
        flows.update(r.out_slots)
        for k in fn._input_indexes_to_retain or ():
            needed.add(r.in_slots[k])
        for j in fn._output_indexes_to_retain or ():
            needed.add(r.out_slots[j])
        steps.append(_backward.BackwardStep(
            i, tuple(r.in_slots), tuple(r.out_slots), tuple(targets),
            tuple(meta), hasattr(fn, '_backward_arrays')))
    steps.reverse()
    sched.backward_steps = steps
    sched.out_seeds = [
        s if (v._requires_grad and s in flows and edge(v._node, s)) else -1
        for v, s in zip(out_leaves, sched.out_slots)]
    sched.drop_slots = [s for s in range(n)
                        if kinds[s][0] != 'const' and s not in needed]
