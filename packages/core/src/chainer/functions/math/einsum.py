import string

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer import utils
from chainer.utils import type_check

# Letters in ASCII order: an implicit output lists its letters sorted this
# way (upper case first), as v5 and numpy do.
_LETTERS = string.ascii_uppercase + string.ascii_lowercase
# '@' stands for an ellipsis once parsed; it sorts before every letter.
_ELL = '@'


def _sublist_to_str(sub):
    chars = []
    for s in sub:
        if s is Ellipsis:
            chars.append(_ELL)
        elif isinstance(s, int) and not isinstance(s, bool):
            # v5 numbers the labels 0..51 as 'A'..'Z', 'a'..'z'.
            chars.append(_LETTERS[s])
        else:
            raise TypeError('einsum sublists may contain only int or '
                            'Ellipsis, not {!r}'.format(s))
    return ''.join(chars)


def _parse_operands(operands):
    """Splits einsum's arguments (either calling format).

    Returns:
        (str, str, list): input subscripts joined by ',', the output
        subscripts (implicit output filled in) and the operands. An
        ellipsis is written as ``'@'``.
    """
    if not operands:
        raise ValueError('einsum needs the subscripts and operands')
    if isinstance(operands[0], str):
        subs = operands[0].replace(' ', '')
        arrays = list(operands[1:])
        for c in subs:
            if c not in _LETTERS and c not in '.,->':
                raise ValueError(
                    'invalid subscript character {!r}'.format(c))
        if ('-' in subs or '>' in subs) and (
                subs.count('->') != 1 or subs.count('-') != 1 or
                subs.count('>') != 1):
            raise ValueError("subscripts may contain one '->' only")
        subs = subs.replace('...', _ELL)
        if '.' in subs:
            raise ValueError('invalid ellipsis in subscripts')
    else:
        # einsum(op0, sublist0, op1, sublist1, ..., [sublist_out])
        rest = list(operands)
        arrays, terms = [], []
        while len(rest) >= 2:
            arrays.append(rest.pop(0))
            terms.append(_sublist_to_str(rest.pop(0)))
        subs = ','.join(terms)
        if rest:
            subs += '->' + _sublist_to_str(rest[0])
    if '->' in subs:
        in_part, out = subs.split('->')
        for c in out:
            if c not in in_part:
                raise ValueError(
                    'output subscript {} does not appear in the inputs'
                    .format('...' if c == _ELL else c))
    else:
        in_part = subs
        flat = in_part.replace(',', '')
        # Letters used once, and the ellipsis, in sorted order.
        out = ''.join(c for c in sorted(set(flat))
                      if c == _ELL or flat.count(c) == 1)
    if len(in_part.split(',')) != len(arrays):
        raise ValueError('einsum got {} operands for {} subscripts'.format(
            len(arrays), len(in_part.split(','))))
    return in_part, out, arrays


def _expand(in_part, out, ndims):
    """Replaces the ellipsis by unused letters, aligned to the right.

    Returns:
        tuple: the letters of each operand, of the output, the number of
        named axes of each operand with an ellipsis (else None), and the
        number of ellipsis axes.
    """
    ins = in_part.split(',')
    free = [c for c in _LETTERS if c not in in_part]
    named = []
    n_ell = 0
    for s, ndim in zip(ins, ndims):
        n = len(s.replace(_ELL, ''))
        if _ELL in s:
            named.append(n)
            n_ell = max(n_ell, ndim - n)
        else:
            named.append(None)
            if n != ndim:
                raise ValueError(
                    'subscript {!r} does not match an operand of ndim {}'
                    .format(s, ndim))
    ell = ''.join(free[:n_ell])
    expanded = []
    for s, ndim, n in zip(ins, ndims, named):
        if n is not None:
            k = max(ndim - n, 0)
            s = s.replace(_ELL, ell[n_ell - k:] if k else '')
        expanded.append(s)
    return expanded, out.replace(_ELL, ell), named, n_ell


class EinSum(function_node.FunctionNode):

    def __init__(self, in_subs, out_sub, named=None, sums_ellipsis=False):
        self.in_subs = in_subs
        self.out_sub = out_sub
        # Per operand: the count of named axes where it has an ellipsis.
        self._named = named
        self._sums_ellipsis = sums_ellipsis

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == len(self.in_subs))
        for i, t in enumerate(in_types):
            type_check.expect(t.dtype.kind == 'f')
            type_check.expect(t.ndim == len(self.in_subs[i]))
        # v5 broadcasts nothing: a letter has one size in every operand,
        # and every ellipsis spans the same number of axes.
        seen = {}
        for t, s in zip(in_types, self.in_subs):
            for k, c in enumerate(s):
                if c in seen:
                    type_check.expect(t.shape[k] == seen[c])
                else:
                    seen[c] = t.shape[k]
        if self._named is not None:
            ells = [(t, n) for t, n in zip(in_types, self._named)
                    if n is not None]
            for t, n in ells[1:]:
                type_check.expect(t.ndim - n == ells[0][0].ndim - ells[0][1])

    def forward(self, inputs):
        if self._sums_ellipsis:
            # v5 refuses to sum over the axes of an ellipsis.
            raise ValueError('einsum cannot sum over the axes of an '
                             "ellipsis: keep '...' in the output")
        xp = backend.get_array_module(*inputs)
        self.retain_inputs(tuple(range(len(inputs))))
        expr = ','.join(self.in_subs) + '->' + self.out_sub
        kwargs = {'optimize': True} if len(inputs) > 1 else {}
        y = xp.einsum(expr, *inputs, **kwargs)
        dtype = xp.result_type(*[x.dtype for x in inputs])
        return utils.force_array(y, dtype),

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
        if g.dtype != x.dtype:
            # Mixed float operands: each gradient keeps its input's dtype.
            g = F.cast(g, x.dtype)
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

    Two calling formats are accepted:

    - ``einsum(subscripts, op0, op1, ...)`` with a string such as
      ``'ij,jk->ik'``;
    - ``einsum(op0, sublist0, op1, sublist1, ..., [sublistout])`` where a
      sublist holds ints (labels 0 to 51) and ``Ellipsis``.

    Ellipses, implicit output (no ``->``: the letters used once, in sorted
    order, after the ellipsis axes) and repeated subscripts (diagonals) are
    supported. As in v5, operands are not broadcast against each other: a
    subscript must have one size in all operands and every ellipsis must
    cover the same shape (else :class:`~chainer.utils.type_check.InvalidType`),
    and an explicit output must keep a non-empty ellipsis
    (else ``ValueError``).

    Args:
        operands: The subscripts and operands (:class:`~chainer.Variable`
            or :ref:`ndarray` of float dtypes; mixed dtypes give the
            promoted dtype).

    Returns:
        ~chainer.Variable: The result.

    .. admonition:: Example

        >>> a = np.arange(6, dtype=np.float32).reshape(2, 3)
        >>> F.einsum('ij->ji', a).shape
        (3, 2)
        >>> F.einsum('ij,ij->i', a, a).array
        array([ 5., 50.], dtype=float32)
        >>> F.einsum(a, [0, 1], [1]).array
        array([3., 5., 7.], dtype=float32)

    """
    in_part, out, arrays = _parse_operands(operands)
    in_subs, out_sub, named, n_ell = _expand(
        in_part, out, [len(a.shape) for a in arrays])
    sums_ellipsis = _ELL in in_part and _ELL not in out and n_ell > 0
    return EinSum(in_subs, out_sub, named, sums_ellipsis).apply(arrays)[0]
