"""Naive float64 references for the convolution tests, and checks the
connection tests share."""
import itertools

import numpy
import pytest

from chainer import gradient_check
from chainer import testing
from chainer.utils import conv


def _as_float64_args(x, W, stride, pad, dilate):
    """``x`` and ``W`` in float64 and the settings as n-tuples."""
    nd = x.ndim - 2

    def tup(v):
        return tuple(v) if isinstance(v, (tuple, list)) else (v,) * nd
    return (x.astype(numpy.float64), W.astype(numpy.float64), tup(stride),
            tup(pad), tup(dilate))


def _ref_conv(x, W, b=None, stride=1, pad=0, cover_all=False, dilate=1,
              groups=1):
    """Convolution by a loop over kernel offsets and groups."""
    nd = x.ndim - 2
    x, W, stride, pad, dilate = _as_float64_args(x, W, stride, pad, dilate)
    ksize = W.shape[2:]
    outs = [conv.get_conv_outsize(s, k, st, p, cover_all, d)
            for s, k, st, p, d in zip(x.shape[2:], ksize, stride, pad,
                                      dilate)]
    big = [(o - 1) * st + (k - 1) * d + 1
           for o, st, k, d in zip(outs, stride, ksize, dilate)]
    xpad = numpy.zeros(x.shape[:2] + tuple(
        max(g, s + 2 * p) for g, s, p in zip(big, x.shape[2:], pad)))
    xpad[(slice(None), slice(None)) + tuple(
        slice(p, p + s) for p, s in zip(pad, x.shape[2:]))] = x
    out_c, cg = W.shape[0], W.shape[1]
    og = out_c // groups
    y = numpy.zeros((x.shape[0], out_c) + tuple(outs))
    for off in itertools.product(*[range(k) for k in ksize]):
        sl = xpad[(slice(None), slice(None)) + tuple(
            slice(i * d, i * d + (o - 1) * st + 1, st)
            for i, d, o, st in zip(off, dilate, outs, stride))]
        for g in range(groups):
            w = W[(slice(g * og, (g + 1) * og), slice(None)) + off]
            y[:, g * og:(g + 1) * og] += numpy.tensordot(
                w, sl[:, g * cg:(g + 1) * cg], (1, 1)).swapaxes(0, 1)
    if b is not None:
        y += b.reshape((1, -1) + (1,) * nd)
    return y


def _ref_deconv(x, W, b=None, stride=1, pad=0, outsize=None, dilate=1,
                groups=1):
    """Transposed convolution by scattering each offset's product."""
    nd = x.ndim - 2
    x, W, stride, pad, dilate = _as_float64_args(x, W, stride, pad, dilate)
    ksize = W.shape[2:]
    if outsize is None:
        outsize = [conv.get_deconv_outsize(s, k, st, p, d=d)
                   for s, k, st, p, d in zip(x.shape[2:], ksize, stride,
                                             pad, dilate)]
    ins = x.shape[2:]
    size = [max(o + 2 * p, (i - 1) * st + (k - 1) * d + 1)
            for o, p, i, st, k, d in zip(outsize, pad, ins, stride, ksize,
                                         dilate)]
    cg_in = W.shape[0] // groups
    cg_out = W.shape[1]
    y = numpy.zeros((x.shape[0], cg_out * groups) + tuple(size))
    for off in itertools.product(*[range(k) for k in ksize]):
        idx = (slice(None), slice(None)) + tuple(
            slice(i * d, i * d + (n - 1) * st + 1, st)
            for i, d, n, st in zip(off, dilate, ins, stride))
        for g in range(groups):
            w = W[(slice(g * cg_in, (g + 1) * cg_in), slice(None)) + off]
            part = numpy.tensordot(x[:, g * cg_in:(g + 1) * cg_in], w,
                                   (1, 0))
            part = numpy.moveaxis(part, -1, 1)
            sub = y[:, g * cg_out:(g + 1) * cg_out]
            sub[idx] += part
    y = y[(slice(None), slice(None)) + tuple(
        slice(p, p + o) for p, o in zip(pad, outsize))]
    if b is not None:
        y = y + b.reshape((1, -1) + (1,) * nd)
    return y


@pytest.fixture
def ref_conv():
    return _ref_conv


@pytest.fixture
def ref_deconv():
    return _ref_deconv


def _check_grads(f, arrays, rng, backward=True, double=True, **kwargs):
    """Runs check_backward and/or check_double_backward of ``f`` at
    ``arrays`` (``kwargs`` go to both). ``gy``, then one ``gg`` per input,
    are drawn uniformly from ``rng`` (a RandomState or a seed)."""
    if not isinstance(rng, numpy.random.RandomState):
        rng = numpy.random.RandomState(rng)
    gy = rng.uniform(-1, 1, f(*arrays).shape)
    gg = [rng.uniform(-1, 1, a.shape) for a in arrays]
    if backward:
        gradient_check.check_backward(f, arrays, gy, **kwargs)
    if double:
        gradient_check.check_double_backward(f, arrays, gy, gg, **kwargs)


@pytest.fixture
def check_grads():
    return _check_grads


def _check_forward(f, ref, args, settings, dtype):
    """``f(*args)`` against the float64 ``ref(*args, *settings)``: dtype,
    shape and values (looser for float16)."""
    y = f(*args)
    expected = ref(*(tuple(args) + tuple(settings)))
    assert y.dtype == dtype
    assert y.shape == expected.shape
    tol = {'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(expected, y.array, **tol)


@pytest.fixture
def check_forward():
    return _check_forward
