import string

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.functions.math import _helpers
from chainer.utils import type_check

_LETTERS = string.ascii_letters


def _parse(subscripts, ndims):
    """Expands ``subscripts`` to explicit letters (no ellipsis).

    Returns:
        (list of str, str): the subscripts of each operand and of the output.
    """
    if not isinstance(subscripts, str):
        raise TypeError('subscripts must be a str')
    subscripts = subscripts.replace(' ', '')
    if '->' in subscripts:
        in_part, out = subscripts.split('->')
    else:
        in_part, out = subscripts, None
    ins = in_part.split(',')
    if len(ins) != len(ndims):
        raise ValueError(
            'einsum got {} operands for {} subscripts'.format(
                len(ndims), len(ins)))
    for s in ins + ([out] if out is not None else []):
        if any(c not in _LETTERS for c in s.replace('...', '')):
            raise ValueError('invalid subscript in {!r}'.format(subscripts))
    used = set(in_part + (out or ''))
    free = [c for c in _LETTERS if c not in used]
    n_ell = 0
    for s, ndim in zip(ins, ndims):
        n_named = len(s.replace('...', ''))
        if '...' in s:
            n_ell = max(n_ell, ndim - n_named)
        elif n_named != ndim:
            raise ValueError(
                'subscript {!r} does not match an operand of ndim {}'.format(
                    s, ndim))
    ell = ''.join(free[:n_ell])
    expanded = []
    for s, ndim in zip(ins, ndims):
        if '...' in s:
            k = ndim - len(s.replace('...', ''))
            # Ellipsis axes align to the right, as in broadcasting.
            s = s.replace('...', ell[n_ell - k:] if k else '')
        expanded.append(s)
    if out is None:
        joined = ''.join(expanded)
        once = sorted((c for c in set(joined.replace(ell, ''))
                       if joined.count(c) == 1 and c not in ell),
                      key=_LETTERS.index)
        out = ell + ''.join(once)
    else:
        out = out.replace('...', ell)
    return expanded, out


class EinSum(function_node.FunctionNode):

    def __init__(self, in_subs, out_sub):
        self.in_subs = in_subs
        self.out_sub = out_sub

    def check_type_forward(self, in_types):
        names = tuple('operands[{}]'.format(i)
                      for i in range(len(self.in_subs)))
        _helpers.check_float_inputs(in_types, names)
        for t, s in zip(in_types, self.in_subs):
            type_check.expect(t.ndim == len(s))

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        self.retain_inputs(tuple(range(len(inputs))))
        expr = ','.join(self.in_subs) + '->' + self.out_sub
        kwargs = {'optimize': True} if len(inputs) > 1 else {}
        y = xp.einsum(expr, *inputs, **kwargs)
        return utils.force_array(y, inputs[0].dtype),

    def backward(self, indexes, grad_outputs):
        xs = self.get_retained_inputs()
        gy, = grad_outputs
        sizes = {}
        for x, s in zip(xs, self.in_subs):
            for c, d in zip(s, x.shape):
                sizes[c] = max(sizes.get(c, 1), d)
        return tuple(
            self._grad(i, xs, gy, sizes) if i in indexes else None
            for i in range(len(xs)))

    def _grad(self, i, xs, gy, sizes):
        F = chainer.functions
        s_i = self.in_subs[i]
        x = xs[i]
        others = [j for j in range(len(xs)) if j != i]
        avail = set(self.out_sub).union(*[self.in_subs[j] for j in others])
        uniq = ''.join(sorted(set(s_i), key=s_i.index))
        kept = ''.join(c for c in uniq if c in avail)
        expr = ','.join([self.out_sub] + [self.in_subs[j] for j in others])
        g = EinSum(expr.split(','), kept).apply(
            [gy] + [xs[j] for j in others])[0]
        dim = dict(zip(s_i, x.shape))
        if kept != uniq:
            # Letters only in operand i were summed: broadcast them back.
            shape = tuple(g.shape[kept.index(c)] if c in kept else 1
                          for c in uniq)
            g = F.broadcast_to(F.reshape(g, shape), tuple(
                shape[k] if c in kept else dim[c]
                for k, c in enumerate(uniq)))
        # Axes broadcast from size 1 in this operand: sum them back.
        axes = tuple(k for k, c in enumerate(uniq)
                     if dim[c] == 1 and g.shape[k] != 1)
        if axes:
            g = F.sum(g, axis=axes, keepdims=True)
        if uniq != s_i:
            g = DiagEmbed(uniq, s_i, x.shape).apply((g,))[0]
        return g


class DiagEmbed(function_node.FunctionNode):

    """Writes an array with axes ``uniq`` onto the diagonals ``sub`` of a
    zero array of ``shape`` (e.g. ``'i' -> 'ii'``); inverse of einsum's
    diagonal extraction."""

    def __init__(self, uniq, sub, shape):
        self.uniq = uniq
        self.sub = sub
        self.shape = shape

    def forward(self, inputs):
        g, = inputs
        xp = backend.get_array_module(g)
        out = xp.zeros(self.shape, dtype=g.dtype)
        strides = [sum(st for c2, st in zip(self.sub, out.strides) if c2 == c)
                   for c in self.uniq]
        view = xp.lib.stride_tricks.as_strided(
            out, shape=g.shape, strides=strides)
        view[...] = g
        return out,

    def backward(self, indexes, grad_outputs):
        return EinSum([self.sub], self.uniq).apply(grad_outputs)


def einsum(*operands):
    """Einstein summation, as :func:`numpy.einsum`.

    Called as ``einsum(subscripts, op0, op1, ...)`` with a subscripts string
    such as ``'ij,jk->ik'``. Ellipses, implicit output (no ``->``) and
    repeated subscripts (diagonals) are supported.

    Args:
        operands: The subscripts string followed by the operands
            (:class:`~chainer.Variable` or :ref:`ndarray`, float arrays of
            one dtype).

    Returns:
        ~chainer.Variable: The result.

    .. admonition:: Example

        >>> a = np.arange(6, dtype=np.float32).reshape(2, 3)
        >>> F.einsum('ij->ji', a).shape
        (3, 2)
        >>> F.einsum('ij,ij->i', a, a).array
        array([ 5., 50.], dtype=float32)

    """
    if not operands:
        raise ValueError('einsum needs the subscripts and operands')
    subscripts, arrays = operands[0], operands[1:]
    in_subs, out_sub = _parse(subscripts, [len(a.shape) for a in arrays])
    return EinSum(in_subs, out_sub).apply(arrays)[0]
