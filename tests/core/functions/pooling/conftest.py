"""Naive window-by-window references for the pooling tests."""
import itertools

import numpy
import pytest

from chainer.utils import conv


def _tup(v, n):
    return tuple(v) if isinstance(v, (tuple, list)) else (v,) * n


def windows(shape, ksize, stride, pad, cover_all):
    """Yields (out index, list of in-range input indices, n padded)."""
    nd = len(shape)
    ksize, stride, pad = (_tup(v, nd) for v in (ksize, stride, pad))
    outs = [conv.get_conv_outsize(s, k, st, p, cover_all)
            for s, k, st, p in zip(shape, ksize, stride, pad)]
    for o in itertools.product(*[range(n) for n in outs]):
        cells = []
        n_out = 0
        for off in itertools.product(*[range(k) for k in ksize]):
            pos = tuple(oi * st + i - p
                        for oi, st, i, p in zip(o, stride, off, pad))
            if all(0 <= q < s for q, s in zip(pos, shape)):
                cells.append(pos)
            else:
                n_out += 1
        yield o, cells, n_out, outs


def ref_max(x, ksize, stride, pad, cover_all):
    y = None
    for o, cells, _, outs in windows(x.shape[2:], ksize, stride, pad,
                                     cover_all):
        if y is None:
            y = numpy.empty(x.shape[:2] + tuple(outs))
        vals = numpy.stack([x[(Ellipsis,) + c] for c in cells], -1)
        y[(Ellipsis,) + o] = vals.max(-1)
    return y


def ref_avg(x, ksize, stride, pad, pad_value=0):
    y = None
    ksize_t = _tup(ksize, x.ndim - 2)
    for o, cells, n_out, outs in windows(x.shape[2:], ksize, stride, pad,
                                         False):
        if y is None:
            y = numpy.empty(x.shape[:2] + tuple(outs))
        s = sum(x[(Ellipsis,) + c].astype(numpy.float64) for c in cells)
        n = numpy.prod(ksize_t) if pad_value == 0 else len(cells)
        y[(Ellipsis,) + o] = s / n
    return y


@pytest.fixture
def pool_ref():
    return {'max': ref_max, 'avg': ref_avg, 'windows': windows}


