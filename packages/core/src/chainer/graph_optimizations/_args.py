"""Flattening the arguments and results of a static chain.

A static chain takes Variables or arrays, possibly inside nested lists and
tuples, and returns Variables inside nested lists, tuples and dicts. The
schedule works on the flat sequence of leaves; a *structure* (a hashable
nested tuple) rebuilds the original nesting.
"""
from chainer import variable

_Variable = variable.Variable
_ndarray_types = variable._ndarray_types


def flatten_inputs(args):
    """Flattens positional arguments into leaves.

    Returns:
        tuple: ``(leaves, structure)``.
    Raises:
        TypeError: If a leaf is neither a Variable nor an array.
    """
    leaves = []
    structure = _flatten(args, leaves, 'argument', False)
    return leaves, structure


def flatten_outputs(out):
    """Flattens the return value of a static chain (Variables only)."""
    leaves = []
    structure = _flatten(out, leaves, 'return value', True)
    return leaves, structure


def _flatten(x, leaves, what, allow_dict):
    if isinstance(x, (_Variable,) + _ndarray_types):
        if not allow_dict or isinstance(x, _Variable):
            leaves.append(x)
            return len(leaves) - 1
    if isinstance(x, tuple):
        return ('t', tuple([_flatten(e, leaves, what, allow_dict)
                            for e in x]))
    if isinstance(x, list):
        return ('l', tuple([_flatten(e, leaves, what, allow_dict)
                            for e in x]))
    if allow_dict and isinstance(x, dict):
        keys = tuple(x.keys())
        return ('d', keys, tuple([_flatten(x[k], leaves, what, allow_dict)
                                  for k in keys]))
    if allow_dict:
        expected = 'a Variable, or a list, tuple or dict of Variables'
    else:
        expected = 'a Variable or an array, or a list or tuple of them'
    raise TypeError(
        'static_graph: each %s of a static chain must be %s, not %s'
        % (what, expected, type(x)))


def unflatten(structure, values):
    """Rebuilds the nesting described by ``structure`` from ``values``."""
    if type(structure) is int:
        return values[structure]
    tag = structure[0]
    if tag == 't':
        return tuple([unflatten(s, values) for s in structure[1]])
    if tag == 'l':
        # As in v5, a list in the result comes back as a tuple.
        return tuple([unflatten(s, values) for s in structure[1]])
    return dict(zip(structure[1],
                    [unflatten(s, values) for s in structure[2]]))


def input_signature(leaves):
    """Key part and unique leaves of the flat inputs.

    Leaves sharing one array are merged into the first (the schedule has one
    slot per array); that is sound only if they are the same object.

    Returns:
        tuple: ``(signature, unique_positions)``, or ``(None, None)`` when
        distinct objects share an array (run define-by-run then).
    """
    sig = []
    first = {}
    unique = []
    for i, x in enumerate(leaves):
        if isinstance(x, _Variable):
            a = x._data
            rg = x._requires_grad
        else:
            a = x
            rg = False
        j = first.get(id(a))
        if j is not None:
            if leaves[j] is not x:
                return None, None
            sig.append(j)
            continue
        first[id(a)] = i
        unique.append(i)
        if a is None:
            raise TypeError('static_graph: input Variable %d has no data' % i)
        sig.append((type(a), a.shape, a.dtype, rg))
    return tuple(sig), unique


def lists_to_tuples(out):
    """v5's static chains return every list in a result as a tuple."""
    if isinstance(out, (list, tuple)):
        return tuple([lists_to_tuples(e) for e in out])
    if isinstance(out, dict):
        return {k: lists_to_tuples(v) for k, v in out.items()}
    return out


def keyword_key(kwargs):
    """A hashable key of plain keyword values, or None (run define-by-run)
    if one holds a Variable or an array or cannot be hashed."""
    def plain(v):
        if isinstance(v, (_Variable,) + _ndarray_types):
            return False
        if isinstance(v, (tuple, frozenset)):
            return all(plain(e) for e in v)
        return True

    items = tuple(sorted(kwargs.items()))
    if not all(plain(v) for _, v in items):
        return None
    try:
        hash(items)
    except TypeError:
        return None
    return items


def arrays_to_variables(x, memo=None):
    """Wraps array leaves of the arguments in Variables, as v5 does before
    running the method (which therefore always sees Variables). One array
    passed twice gets one Variable, so the schedule can still be used."""
    if memo is None:
        memo = {}
    if isinstance(x, _ndarray_types):
        v = memo.get(id(x))
        if v is None:
            v = memo[id(x)] = _Variable(x, requires_grad=False)
        return v
    if isinstance(x, tuple):
        return tuple([arrays_to_variables(e, memo) for e in x])
    if isinstance(x, list):
        return [arrays_to_variables(e, memo) for e in x]
    return x
