"""Helpers shared by the distributions (private to the package)."""

import numpy

import chainer
import chainer.functions
from chainer import backend


def _as_array(x):
    return x.array if isinstance(x, chainer.Variable) else x


def as_params(names, values, broadcast=True):
    """Turns distribution parameters into Variables of one float dtype.

    Arrays and Variables keep their identity and dtype; Python scalars and
    lists take the dtype of the array parameters (or the default dtype).
    With ``broadcast``, parameters are broadcast to a common shape (only
    when their shapes differ).

    Args:
        names (tuple of str): Argument names, used in error messages.
        values (tuple): The parameter values.
        broadcast (bool): Whether to broadcast the shapes.

    Returns:
        list of ~chainer.Variable: The parameters.
    """
    arrays = [_as_array(v) for v in values]
    xp = backend.get_array_module(*arrays)
    # numpy scalars (e.g. ``a[0] + 0.1``) carry a dtype as arrays do.
    typed = [(n, a.dtype) for n, a in zip(names, arrays)
             if hasattr(a, 'dtype')]
    dtypes = set(t for _, t in typed)
    if len(dtypes) > 1:
        raise TypeError(
            'parameters %s must have the same dtype, got %s' % (
                ', '.join(names),
                ', '.join('%s=%s' % (n, t) for n, t in typed)))
    dtype = dtypes.pop() if dtypes else chainer.get_dtype()
    params = []
    for name, v in zip(names, values):
        if not isinstance(_as_array(v), (xp.ndarray, chainer.Variable)):
            v = xp.asarray(v, dtype=dtype)
        if _as_array(v).dtype.kind != 'f':
            raise TypeError(
                'parameter %s must be a float array, got dtype %s'
                % (name, _as_array(v).dtype))
        params.append(chainer.as_variable(v))
    shapes = [p.shape for p in params]
    if broadcast and len(set(shapes)) > 1:
        try:
            shape = numpy.broadcast_shapes(*shapes)
        except ValueError:
            listed = ', '.join('%s%s' % (n, s) for n, s in zip(names, shapes))
            raise ValueError(
                'parameter shapes cannot be broadcast together: %s'
                % listed) from None
        params = [p if p.shape == shape
                  else chainer.functions.broadcast_to(p, shape)
                  for p in params]
    return params


def as_input(x, dtype):
    """Casts a point ``x`` given to a density function to ``dtype``."""
    if isinstance(x, chainer.Variable):
        if x.dtype.kind in 'biu':
            # Integer samples (v5's Bernoulli and Categorical draw them)
            # carry no gradient: use them as data.
            x = x.array
        elif x.dtype != dtype:
            raise TypeError('x must have dtype %s, got %s' % (dtype, x.dtype))
        else:
            return x
    xp = backend.get_array_module(x)
    # A plain array is data: no gradient is computed for it.
    return chainer.Variable(xp.asarray(x, dtype=dtype), requires_grad=False)


def broadcast_to(x, shape):
    """``F.broadcast_to`` that is a no-op when the shape already matches."""
    if x.shape == tuple(shape):
        return x
    return chainer.functions.broadcast_to(x, shape)


def broadcast_pair(x, param):
    """Broadcasts a point and a parameter against each other."""
    shape = numpy.broadcast_shapes(x.shape, param.shape)
    return broadcast_to(x, shape), broadcast_to(param, shape)


def replace(x, cond, value):
    """Returns ``x`` with the entries where ``cond`` holds set to ``value``.

    Used to keep invalid inputs away from functions (``log`` of a negative)
    so that neither their value nor their gradient turns into NaN.
    """
    xp = backend.get_array_module(x)
    fill = xp.full(x.shape, value, x.dtype)
    if isinstance(x, chainer.Variable):
        return chainer.functions.where(cond, fill, x)
    return xp.where(cond, fill, x)


def where_const(cond, x, value):
    """``F.where(cond, x, value)`` for a scalar ``value``."""
    xp = backend.get_array_module(x)
    return chainer.functions.where(
        cond, x, xp.full(x.shape, value, x.dtype))


def xlogy_from_log(p, log_q):
    """``p * log_q``, defined as 0 where ``p`` is 0 (even if ``log_q`` is
    ``-inf``)."""
    xp = backend.get_array_module(p, log_q)
    # Only 0 * -inf is changed, so elsewhere the gradient with respect to
    # p stays log_q.
    log_q_array = _as_array(log_q)
    bad = (_as_array(p) == 0) & xp.isinf(log_q_array) & (log_q_array < 0)
    return p * replace(log_q, bad, 0)


def lbeta(a, b):
    """Logarithm of the beta function, ``lgamma(a) + lgamma(b) -
    lgamma(a + b)``."""
    F = chainer.functions
    return F.lgamma(a) + F.lgamma(b) - F.lgamma(a + b)


def standard_normal(xp, shape, dtype):
    """Standard normal noise: float64 draws cast to ``dtype`` on numpy
    (v5's LogNormal), ``dtype`` draws on cupy."""
    if xp is numpy:
        return numpy.random.standard_normal(shape).astype(dtype, copy=False)
    return xp.random.standard_normal(shape, dtype=dtype)


def via_float32(eps, dtype):
    """Rounds v5's noise through float32 before giving it ``dtype``.

    v5's Normal, Laplace, MultivariateNormal and Dirichlet cast their CPU
    draws to float32; its arithmetic then casts them to the parameters'
    dtype. Doing the same keeps v5's values for every dtype.
    """
    return eps.astype(numpy.float32).astype(dtype, copy=False)


def uniform(xp, shape, dtype):
    """Draws from ``U[0, 1)``."""
    if xp is numpy:
        return numpy.random.uniform(size=shape).astype(dtype, copy=False)
    return xp.random.uniform(size=shape, dtype=dtype)
