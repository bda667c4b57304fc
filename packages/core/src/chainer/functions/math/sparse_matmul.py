import numpy

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.functions.math import _helpers
from chainer.utils import type_check


def _gather_index(row, col):
    """Batch index and padding-free (clipped) row/col indices."""
    xp = backend.get_array_module(row)
    valid = (row >= 0) & (col >= 0)
    batch = xp.broadcast_to(xp.arange(row.shape[0])[:, None], row.shape)
    return batch, xp.maximum(row, 0), xp.maximum(col, 0), valid


class _SpMM(function_node.FunctionNode):

    """``out[b, row[e]] += data[b, e] * dense[b, col[e]]`` (batched COO)."""

    def __init__(self, row, col, n_rows):
        self.row = row
        self.col = col
        self.n_rows = n_rows

    def check_type_forward(self, in_types):
        _helpers.check_float_inputs(in_types, ('sp', 'dn'))
        sp_type, dn_type = in_types
        type_check.expect(sp_type.ndim == 2, dn_type.ndim == 3,
                          sp_type.shape[0] == dn_type.shape[0])

    def forward(self, inputs):
        data, dense = inputs
        xp = backend.get_array_module(dense)
        self.retain_inputs((0, 1))
        batch, row, col, valid = _gather_index(self.row, self.col)
        contrib = dense[batch, col] * data[..., None]
        contrib *= valid[..., None]  # padding entries add nothing
        out = xp.zeros((dense.shape[0], self.n_rows, dense.shape[2]),
                       dtype=dense.dtype)
        if xp is numpy:
            numpy.add.at(out, (batch, row), contrib)
        else:
            import cupyx
            cupyx.scatter_add(out, (batch, row), contrib)
        return out,

    def backward(self, indexes, grad_outputs):
        data, dense = self.get_retained_inputs()
        gy, = grad_outputs
        g_data = g_dense = None
        if 0 in indexes:
            g_data = _SDDMM(self.row, self.col).apply((gy, dense))[0]
        if 1 in indexes:
            g_dense = _SpMM(self.col, self.row, dense.shape[1]).apply(
                (data, gy))[0]
        return g_data, g_dense


class _SDDMM(function_node.FunctionNode):

    """``out[b, e] = sum_n x[b, row[e], n] * y[b, col[e], n]``."""

    def __init__(self, row, col):
        self.row = row
        self.col = col

    def forward(self, inputs):
        x, y = inputs
        xp = backend.get_array_module(x)
        self.retain_inputs((0, 1))
        batch, row, col, valid = _gather_index(self.row, self.col)
        out = (x[batch, row] * y[batch, col]).sum(axis=-1)
        out *= valid
        return xp.asarray(out, dtype=x.dtype),

    def backward(self, indexes, grad_outputs):
        x, y = self.get_retained_inputs()
        g, = grad_outputs
        gx = gy = None
        if 0 in indexes:
            gx = _SpMM(self.row, self.col, x.shape[1]).apply((g, y))[0]
        if 1 in indexes:
            gy = _SpMM(self.col, self.row, y.shape[1]).apply((g, x))[0]
        return gx, gy


def _sparse_dense(sp, dense, transa, transb):
    """``op(sp) @ op(dense)`` where ``sp`` is a CooMatrix."""
    F = chainer.functions
    dense = chainer.as_variable(dense)
    data = sp.data
    row, col = sp.row, sp.col
    batched = data.ndim == 2
    if transa:
        row, col = col, row
    n_rows = sp.shape[1] if transa else sp.shape[0]
    if not batched:
        data = F.reshape(data, (1,) + data.shape)
        row, col = row[None], col[None]
    if dense.ndim != (3 if batched else 2):
        raise type_check.InvalidType(
            'b.ndim == {}'.format(3 if batched else 2),
            'b.ndim = {}'.format(dense.ndim))
    if not batched:
        dense = F.reshape(dense, (1,) + dense.shape)
    if transb:
        dense = F.transpose(dense, (0, 2, 1))
    k = sp.shape[0] if transa else sp.shape[1]
    if dense.shape[1] != k:
        raise type_check.InvalidType(
            'inner dimensions of a and b to be equal',
            '{} and {}'.format(k, dense.shape[1]))
    y, = _SpMM(row, col, n_rows).apply((data, dense))
    return y if batched else F.reshape(y, y.shape[1:])


def sparse_matmul(a, b, transa=False, transb=False):
    """Matrix product of a sparse and a dense matrix.

    One of ``a`` and ``b`` is a :class:`~chainer.utils.CooMatrix` (see
    :func:`~chainer.utils.to_coo`), the other a dense 2-D array, or both
    hold batches (2-D COO data with a 3-D dense array). The gradient flows
    to the dense operand and to the ``data`` variable of the sparse one.

    Args:
        a (~chainer.Variable, :ref:`ndarray` or ~chainer.utils.CooMatrix):
            The left operand.
        b (~chainer.Variable, :ref:`ndarray` or ~chainer.utils.CooMatrix):
            The right operand.
        transa (bool): If ``True``, each matrix in ``a`` is transposed.
        transb (bool): If ``True``, each matrix in ``b`` is transposed.

    Returns:
        ~chainer.Variable: The dense result.
    """
    from chainer.utils import sparse
    if isinstance(a, sparse.CooMatrix):
        if isinstance(b, sparse.CooMatrix):
            raise ValueError('one of a and b must be dense')
        return _sparse_dense(a, b, transa, transb)
    if isinstance(b, sparse.CooMatrix):
        # op(a) op(b) = (op(b)^T op(a)^T)^T
        y = _sparse_dense(b, a, not transb, not transa)
        axes = (1, 0) if y.ndim == 2 else (0, 2, 1)
        return chainer.functions.transpose(y, axes)
    raise ValueError('one of a and b must be a CooMatrix')
