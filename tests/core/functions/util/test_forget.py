import gc
import tracemalloc
import weakref

import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing


def _deep(x, refs=None, depth=8):
    # A chain of elementwise ops whose intermediate results are big.
    h = x
    for _ in range(depth):
        t = functions.tanh(h)  # tanh keeps its output for backward
        if refs is not None:
            refs.append(weakref.ref(t.array))
        h = t * 1.5
    return h


def test_values_and_gradients_match_plain_call():
    rng = numpy.random.RandomState(0)
    x0 = rng.uniform(-1, 1, (3, 4)).astype(numpy.float32)
    w0 = rng.uniform(-1, 1, (3, 4)).astype(numpy.float32)
    x1, w1 = chainer.Variable(x0.copy()), chainer.Variable(w0.copy())
    x2, w2 = chainer.Variable(x0.copy()), chainer.Variable(w0.copy())

    def f(x, w):
        return functions.sum(_deep(x * w, depth=3))
    y1 = functions.forget(f, x1, w1)
    y2 = f(x2, w2)
    testing.assert_allclose(y1.array, y2.array)
    y1.backward()
    y2.backward()
    testing.assert_allclose(x1.grad, x2.grad)
    testing.assert_allclose(w1.grad, w2.grad)


def test_numerical_gradient():
    rng = numpy.random.RandomState(1)
    x, gy = rng.uniform(-1, 1, (2, 3)), rng.uniform(-1, 1, (2, 3))
    gradient_check.check_backward(
        lambda x: functions.forget(lambda a: _deep(a, depth=2), x), x, gy,
        dtype=numpy.float64)


def test_intermediate_arrays_are_released():
    x = chainer.Variable(numpy.ones((4, 4), numpy.float32))
    refs = []
    y = functions.forget(lambda a: _deep(a, refs), x)
    gc.collect()
    assert len(refs) == 8
    assert sum(r() is not None for r in refs) == 0
    # Without forget the graph keeps them alive.
    refs_plain = []
    y_plain = _deep(x, refs_plain)
    gc.collect()
    assert sum(r() is not None for r in refs_plain) == 8
    # The forget node keeps just its input.
    assert [v is x.node for v in y.creator_node.inputs] == [True]
    del y, y_plain


def test_memory_is_saved():
    x = chainer.Variable(numpy.ones((256, 256), numpy.float32))  # 256 KiB
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        y = functions.forget(lambda a: _deep(a, depth=10), x)
        gc.collect()
        kept_forget = tracemalloc.get_traced_memory()[0] - base
        del y
        gc.collect()
        base = tracemalloc.get_traced_memory()[0]
        y = _deep(x, depth=10)
        gc.collect()
        kept_plain = tracemalloc.get_traced_memory()[0] - base
        del y
    finally:
        tracemalloc.stop()
    size = 256 * 256 * 4
    # forget holds the output (and small bookkeeping); the plain graph
    # holds some ten intermediate arrays of the same size.
    assert kept_forget < 2 * size
    assert kept_plain > 8 * size


def test_tuple_outputs():
    x = chainer.Variable(numpy.arange(3, dtype=numpy.float32))
    a, b = functions.forget(lambda v: (v * 2, v * v), x)
    functions.sum(a + b).backward()
    testing.assert_allclose(x.grad, 2 + 2 * numpy.arange(3))


def test_array_input_and_bad_returns():
    y = functions.forget(lambda v: v * 2, numpy.ones(2, numpy.float32))
    testing.assert_allclose(y.array, [2, 2])
    with pytest.raises(RuntimeError):
        functions.forget(lambda v: v.array, numpy.ones(2, numpy.float32))
    with pytest.raises(TypeError):
        functions.forget(lambda v: v, 3)
