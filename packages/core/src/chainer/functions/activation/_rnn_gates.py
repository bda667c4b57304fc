"""Helpers shared by the LSTM-style activations (lstm, slstm, tree_lstm)."""
import chainer.functions
from chainer import backend


def sigmoid(x):
    xp = backend.get_array_module(x)
    half = x.dtype.type(0.5)
    # tanh form: exact and free of overflow for large |x|.
    return xp.tanh(x * half) * half + half


def _gate_shape(shape, n):
    return (shape[0], shape[1] // n, n) + tuple(shape[2:])


def split_array(x, n):
    """Splits axis 1 of array ``x`` into ``n`` gates stored unit by unit.

    Gate ``k`` of unit ``u`` is ``x[:, n * u + k]`` (the v5 lstm and slstm
    layout). The gates are views.
    """
    r = x.reshape(_gate_shape(x.shape, n))
    return [r[:, :, k] for k in range(n)]


def split_variable(x, n):
    """Differentiable version of :func:`split_array`."""
    F = chainer.functions
    return F.separate(F.reshape(x, _gate_shape(x.shape, n)), axis=2)


def join_interleaved(gates, x_shape):
    """Inverse of :func:`split_variable`."""
    F = chainer.functions
    return F.reshape(F.stack(gates, axis=2), x_shape)


def d_tanh(t):
    """Derivative of tanh given its output ``t``."""
    return 1 - t * t


def d_sigmoid(s):
    """Derivative of the sigmoid given its output ``s``."""
    return s * (1 - s)
