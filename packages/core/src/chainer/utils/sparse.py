"""Sparse matrices in COO format, used by ``F.sparse_matmul``."""
import numpy

import chainer


class CooMatrix(object):

    """A sparse matrix (or a batch of them) in COO format.

    Entries whose row or column index is negative are padding and ignored;
    batched matrices use them so that every matrix has as many entries.

    Args:
        data (numpy.ndarray or cupy.ndarray): The entries, 1-D, or 2-D
            ``(batch, nnz)`` for a batch of matrices.
        row (numpy.ndarray or cupy.ndarray): Row index of each entry, same
            shape as ``data``.
        col (numpy.ndarray or cupy.ndarray): Column index of each entry,
            same shape as ``data``.
        shape (tuple of ints): ``(rows, cols)`` of each dense matrix.
        order ('C', 'F', 'other' or None): ``'C'`` if the entries are sorted
            by row then column, ``'F'`` if by column then row, ``'other'``
            otherwise. ``None`` detects it with :func:`get_order`. Functions
            use it as a hint for speed.
        requires_grad (bool): Whether ``data`` (a :class:`~chainer.Variable`)
            gets a gradient in back-propagation.
    """

    def __init__(self, data, row, col, shape, order=None,
                 requires_grad=False):
        if not 1 <= data.ndim <= 2:
            raise ValueError('ndim of data must be 1 or 2.')
        if not data.ndim == row.ndim == col.ndim:
            raise ValueError('ndim of data, row and col must be the same.')
        if len(shape) != 2:
            raise ValueError('length of shape must be 2.')
        if not (shape[0] > 0 and shape[1] > 0):
            raise ValueError('numbers in shape must be greater than 0.')
        if order not in ('C', 'F', 'other', None):
            raise ValueError("order must be 'C', 'F', 'other' or None.")
        self.data = chainer.Variable(data, requires_grad=requires_grad)
        self.row = row
        self.col = col
        self.shape = tuple(shape)
        self.order = get_order(row, col) if order is None else order

    def to_dense(self):
        """Returns the dense ndarray (``shape``, or ``(batch,) + shape``).

        Duplicate entries are summed.
        """
        data = self.data.array
        xp = chainer.backend.get_array_module(data)
        batched = data.ndim == 2
        data2 = data if batched else data[None]
        row = self.row if batched else self.row[None]
        col = self.col if batched else self.col[None]
        dense = xp.zeros((len(data2),) + self.shape, dtype=data.dtype)
        valid = (row >= 0) & (col >= 0)
        batch = xp.broadcast_to(
            xp.arange(len(data2))[:, None], row.shape)
        index = (batch[valid], row[valid], col[valid])
        if xp is numpy:
            numpy.add.at(dense, index, data2[valid])
        else:
            import cupyx
            cupyx.scatter_add(dense, index, data2[valid])
        return dense if batched else dense[0]


def _sorted_by(major, minor):
    # True if (major, minor) pairs are in lexicographic order.
    if len(major) <= 1:
        return True
    d_major = major[1:] - major[:-1]
    d_minor = minor[1:] - minor[:-1]
    ok = (d_major > 0) | ((d_major == 0) & (d_minor >= 0))
    return bool(ok.all())


def get_order(row, col):
    """Order of COO indices: ``'C'``, ``'F'`` or ``'other'``.

    Padding entries (negative indices) are ignored. ``row`` and ``col`` may
    be 2-D (a batch); the order must then hold for every matrix.

    Raises:
        ValueError: ``row`` and ``col`` differ in shape, or an entry has
            exactly one negative index.
    """
    if row.shape != col.shape:
        raise ValueError('shape of row and col must be the same.')
    xp = chainer.backend.get_array_module(row)
    rows = row if row.ndim == 2 else row[None]
    cols = col if col.ndim == 2 else col[None]
    if bool(((rows < 0) != (cols < 0)).any()):
        raise ValueError('invalid index combination of row and col.')
    c_order = f_order = True
    for r, c in zip(rows, cols):
        keep = r >= 0
        r, c = r[keep], c[keep]
        c_order = c_order and _sorted_by(r, c)
        f_order = f_order and _sorted_by(c, r)
    if c_order:
        return 'C'
    if f_order:
        return 'F'
    return 'other'


def to_coo(x, ldnz=None, requires_grad=False):
    """Converts a dense matrix (or a batch of them) to :class:`CooMatrix`.

    Args:
        x (numpy.ndarray or cupy.ndarray): 2-D matrix, or 3-D batch of
            matrices.
        ldnz (int): Length of the entry arrays; the actual length is the
            larger of ``ldnz`` and the largest number of non-zeros. Extra
            entries are padding (value 0, indices -1).
        requires_grad (bool): Passed to :class:`CooMatrix`.

    Returns:
        ~chainer.utils.CooMatrix: Entries in C order (by row, then column).

    >>> import numpy
    >>> coo = to_coo(numpy.array([[0., 2.], [3., 0.]], 'f'))
    >>> coo.data.array.tolist(), coo.row.tolist(), coo.col.tolist()
    ([2.0, 3.0], [0, 1], [1, 0])
    """
    if x.ndim not in (2, 3):
        raise ValueError('ndim of x must be 2 or 3.')
    xp = chainer.backend.get_array_module(x)
    batch = x if x.ndim == 3 else x[None]
    nonzeros = [xp.nonzero(m) for m in batch]
    nnz = max([len(r) for r, _ in nonzeros] + [0])
    if ldnz is None or ldnz < nnz:
        ldnz = nnz
    data = xp.zeros((len(batch), ldnz), dtype=x.dtype)
    row = xp.full((len(batch), ldnz), -1, dtype=numpy.int32)
    col = xp.full((len(batch), ldnz), -1, dtype=numpy.int32)
    for i, (r, c) in enumerate(nonzeros):
        k = len(r)
        data[i, :k] = batch[i][r, c]
        row[i, :k] = r
        col[i, :k] = c
    if x.ndim == 2:
        data, row, col = data[0], row[0], col[0]
    # nonzero() lists indices by row, then column.
    return CooMatrix(data, row, col, x.shape[-2:], order='C',
                     requires_grad=requires_grad)
