"""Fixtures shared by the tests of ``chainer.links``.

Naive float64 references (convolutions by explicit loops over the filter
taps), a save/load round trip through an npz file, and the doctest runner.
"""
import doctest
import importlib
import itertools

import numpy
import pytest


def _tup(v, n):
    return tuple(v) if isinstance(v, (tuple, list)) else (v,) * n


def _out_size(size, k, s, p, d, cover_all=False):
    dk = (k - 1) * d + 1
    if cover_all:
        return (size + 2 * p - dk + s - 1) // s + 1
    return (size + 2 * p - dk) // s + 1


def _ref_conv(x, W, b=None, stride=1, pad=0, dilate=1, groups=1,
              cover_all=False):
    """y[n, o, i...] = b[o] + sum W[o, c, k...] x[n, g*cg + c, s*i + d*k - p]
    """
    nd = x.ndim - 2
    stride, pad, dilate = (_tup(v, nd) for v in (stride, pad, dilate))
    x = numpy.asarray(x, numpy.float64)
    W = numpy.asarray(W, numpy.float64)
    ksize = W.shape[2:]
    outs = [_out_size(s, k, st, p, d, cover_all) for s, k, st, p, d in
            zip(x.shape[2:], ksize, stride, pad, dilate)]
    # Pad generously so every window read is in range (zeros outside).
    extra = [max(0, (o - 1) * st + (k - 1) * d + 1 - s - p)
             for o, st, k, d, s, p in zip(outs, stride, ksize, dilate,
                                          x.shape[2:], pad)]
    xpad = numpy.pad(x, [(0, 0), (0, 0)] + [(p, p + e)
                                            for p, e in zip(pad, extra)])
    out_c, cg = W.shape[0], W.shape[1]
    og = out_c // groups
    y = numpy.zeros((x.shape[0], out_c) + tuple(outs))
    for off in itertools.product(*[range(k) for k in ksize]):
        window = xpad[(slice(None), slice(None)) + tuple(
            slice(o * d, o * d + (n - 1) * st + 1, st)
            for o, d, n, st in zip(off, dilate, outs, stride))]
        for g in range(groups):
            w = W[(slice(g * og, (g + 1) * og), slice(None)) + off]
            part = numpy.tensordot(window[:, g * cg:(g + 1) * cg], w, (1, 1))
            y[:, g * og:(g + 1) * og] += numpy.moveaxis(part, -1, 1)
    if b is not None:
        y += numpy.asarray(b, numpy.float64).reshape((1, -1) + (1,) * nd)
    return y


def _ref_deconv(x, W, b=None, stride=1, pad=0, outsize=None, dilate=1,
                groups=1):
    """Transposed convolution: input pixel i scatters into s*i + d*k - p."""
    nd = x.ndim - 2
    stride, pad, dilate = (_tup(v, nd) for v in (stride, pad, dilate))
    x = numpy.asarray(x, numpy.float64)
    W = numpy.asarray(W, numpy.float64)
    ksize = W.shape[2:]
    ins = x.shape[2:]
    if outsize is None:
        outsize = [st * (n - 1) + (k - 1) * d + 1 - 2 * p for st, n, k, d, p
                   in zip(stride, ins, ksize, dilate, pad)]
    full = [max(o + 2 * p, (n - 1) * st + (k - 1) * d + 1)
            for o, p, n, st, k, d in zip(outsize, pad, ins, stride, ksize,
                                         dilate)]
    cin_g, cout_g = W.shape[0] // groups, W.shape[1]
    y = numpy.zeros((x.shape[0], cout_g * groups) + tuple(full))
    for off in itertools.product(*[range(k) for k in ksize]):
        target = (slice(None), slice(None)) + tuple(
            slice(o * d, o * d + (n - 1) * st + 1, st)
            for o, d, n, st in zip(off, dilate, ins, stride))
        for g in range(groups):
            w = W[(slice(g * cin_g, (g + 1) * cin_g), slice(None)) + off]
            part = numpy.tensordot(x[:, g * cin_g:(g + 1) * cin_g], w, (1, 0))
            y[:, g * cout_g:(g + 1) * cout_g][target] += numpy.moveaxis(
                part, -1, 1)
    y = y[(slice(None), slice(None)) + tuple(
        slice(p, p + o) for p, o in zip(pad, outsize))]
    if b is not None:
        y = y + numpy.asarray(b, numpy.float64).reshape((1, -1) + (1,) * nd)
    return y


def _ref_sigmoid(x):
    return 1 / (1 + numpy.exp(-x))


def _save_load(tmp_path):
    from chainer import serializers

    counter = itertools.count()

    def roundtrip(src, dst):
        """Saves ``src`` to an npz file, loads it into ``dst`` and returns
        the dictionary of the file's entries."""
        path = str(tmp_path / ('link%d.npz' % next(counter)))
        serializers.save_npz(path, src)
        serializers.load_npz(path, dst)
        with numpy.load(path, allow_pickle=False) as f:
            return {k: f[k] for k in f.files}
    return roundtrip


def _all_params(link):
    return tuple(p for _, p in sorted(link.namedparams()))


def _check_link_backward(link, *x_shapes, atol=1e-6, rtol=1e-5):
    """Checks the gradients of a float64 ``link`` with respect to random
    uniform(-1, 1) inputs of ``x_shapes`` and all its parameters against
    numerical ones, for a random output gradient."""
    from chainer import gradient_check

    xs = tuple(numpy.random.uniform(-1, 1, s) for s in x_shapes)
    gy = numpy.random.uniform(-1, 1, link(*xs).shape)
    gradient_check.check_backward(link, xs, gy, _all_params(link),
                                  atol=atol, rtol=rtol)


def _check_two_step_backward(link, x_shape):
    """Like ``check_link_backward`` for a stateful recurrent ``link``,
    through two steps from a reset state (inputs ``x_shape``)."""
    from chainer import gradient_check

    x0 = numpy.random.uniform(-1, 1, x_shape)
    x1 = numpy.random.uniform(-1, 1, x_shape)
    gy = numpy.random.uniform(-1, 1, (x_shape[0], link.state_size))

    def f(a, b):
        link.reset_state()
        link(a)
        return link(b)

    gradient_check.check_backward(f, (x0, x1), gy, _all_params(link),
                                  atol=1e-6, rtol=1e-5)


def _run_doctests(module_name):
    module = importlib.import_module(module_name)
    runner = doctest.DocTestRunner(
        optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    for test in doctest.DocTestFinder().find(module):
        runner.run(test)
    assert runner.failures == 0
    assert runner.tries > 0


@pytest.fixture
def ref_conv():
    return _ref_conv


@pytest.fixture
def ref_deconv():
    return _ref_deconv


@pytest.fixture
def ref_sigmoid():
    return _ref_sigmoid


@pytest.fixture
def save_load(tmp_path):
    return _save_load(tmp_path)


@pytest.fixture
def check_link_backward():
    return _check_link_backward


@pytest.fixture
def check_two_step_backward():
    return _check_two_step_backward


@pytest.fixture
def run_doctests():
    return _run_doctests


@pytest.fixture(autouse=True)
def _seed():
    # Every test starts from the same global random state, so failures
    # reproduce (links draw their initial weights from numpy.random).
    numpy.random.seed(0)
