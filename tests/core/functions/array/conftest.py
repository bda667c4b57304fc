"""Checks shared by the array function tests.

Test modules never import each other; each check is a fixture returning a
callable:

- ``check_forward_and_grads(f, inputs, expected, rng, forward_tol16=None,
  grad_tol16=None)``
- ``gpu_matches_cpu`` comes from ``tests/core/functions/conftest.py``
"""
import numpy
import pytest

from chainer import gradient_check
from chainer import testing


def _check_forward_and_grads(f, inputs, expected, rng, forward_tol16=None,
                             grad_tol16=None):
    dtype = inputs[0].dtype
    f16 = dtype == numpy.float16
    y = f(*inputs)
    assert y.dtype == dtype
    assert y.shape == numpy.shape(expected)
    if forward_tol16 is None:
        tol = {'atol': 0, 'rtol': 0}
    else:
        tol = forward_tol16 if f16 else {}
    testing.assert_allclose(y.array, expected, **tol)
    gy = rng.uniform(-1, 1, y.shape).astype(dtype)
    ggs = tuple(rng.uniform(-1, 1, x.shape).astype(dtype) for x in inputs)
    tol = grad_tol16 if f16 and grad_tol16 is not None else {}
    gradient_check.check_backward(f, inputs, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(f, inputs, gy, ggs,
                                         dtype=numpy.float64, **tol)
    return y


@pytest.fixture
def check_forward_and_grads():
    """``check(f, inputs, expected, rng, forward_tol16=None,
    grad_tol16=None)``: ``f(*inputs)`` has the first input's dtype and
    ``expected``'s shape and values (exactly, or within the default
    tolerance and ``forward_tol16`` for float16 when it is given); then
    backward and double backward pass in float64 (within ``grad_tol16`` for
    float16), with ``gy`` and then one ``gg`` per input drawn from ``rng``.
    Returns the output."""
    return _check_forward_and_grads


