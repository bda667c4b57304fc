"""Helpers shared by the differentiable communication functions."""
import numpy

import chainer
from chainer import backend


def empty_delegate(xp):
    """The zero-size float32 array that stands for a sent message."""
    return xp.array([], dtype=numpy.float32)


def dummy_variable():
    """A zero-size input that keeps a function in the backward graph."""
    return chainer.Variable(empty_delegate(numpy))


def mark_delegate(var):
    """Names a delegate and gives it an (empty) gradient.

    The gradient lets ``delegate.backward()`` start the backward pass at a
    message that was sent: the core skips functions whose outputs have no
    gradient at all.
    """
    var.name = 'delegate_variable'
    var.grad = empty_delegate(backend.get_array_module(var.array))
    return var


def fill_grads(grads, like):
    """Zeros where an output gradient is ``None``, so every rank sends."""
    out = []
    for g, (shape, dtype, xp) in zip(grads, like):
        if g is None:
            g = xp.zeros(shape, dtype=dtype)
        elif isinstance(g, chainer.Variable):
            g = g.array
        out.append(g)
    return out


def output_spec(arrays):
    return [(a.shape, a.dtype, backend.get_array_module(a)) for a in arrays]


def as_variables(arrays):
    return tuple(None if a is None else chainer.Variable(a) for a in arrays)
