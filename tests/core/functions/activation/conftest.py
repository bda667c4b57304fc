"""Checks shared by the activation function tests.

Test modules never import each other; each check is a fixture returning a
callable:

- ``check_forward_and_grads(f, inputs, expected, rng, tol16, exact=False)``
- ``check_cell(f, inputs, grads, ggs, expected)`` for the LSTM cells
- ``gpu_matches_cpu`` comes from ``tests/core/functions/conftest.py``
- ``along_axis_case(f, ref)``: one case per test of the checks shared by
  the functions along an axis (softmax, log_softmax)
"""
import numpy
import pytest

from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _check_forward_and_grads(f, inputs, expected, rng, tol16, exact=False):
    # One output of the dtype of the first input and of expected's shape.
    dtype = inputs[0].dtype
    y = f(*inputs)
    assert y.dtype == dtype
    assert y.shape == numpy.shape(expected)
    tol = tol16 if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected,
                            **({'atol': 0, 'rtol': 0} if exact else tol))
    gy = rng.uniform(-1, 1, y.shape).astype(dtype)
    ggs = tuple(rng.uniform(-1, 1, x.shape).astype(dtype) for x in inputs)
    gradient_check.check_backward(f, inputs, gy, dtype=numpy.float64, **tol)
    gradient_check.check_double_backward(f, inputs, gy, ggs,
                                         dtype=numpy.float64, **tol)
    return y


@pytest.fixture
def check_forward_and_grads():
    """``check(f, inputs, expected, rng, tol16, exact=False)``:
    ``f(*inputs)`` has the first input's dtype and ``expected``'s shape and
    values (exactly if ``exact``, else within ``tol16`` for float16); then
    backward and double backward pass in float64 (within ``tol16`` for
    float16), with ``gy`` and then one ``gg`` per input drawn from ``rng``.
    Returns the output."""
    return _check_forward_and_grads


def _check_cell(f, inputs, grads, ggs, expected):
    dtype = inputs[0].dtype
    c, h = f(*inputs)
    assert c.dtype == dtype and h.dtype == dtype
    tol = {'atol': 5e-3, 'rtol': 5e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(c.array, expected[0], **tol)
    testing.assert_allclose(h.array, expected[1], **tol)
    if dtype == numpy.float16:
        tol = {'atol': 5e-2, 'rtol': 5e-2}
    gradient_check.check_backward(f, inputs, grads, dtype=numpy.float64,
                                  **tol)
    gradient_check.check_double_backward(f, inputs, grads, ggs,
                                         dtype=numpy.float64, **tol)


@pytest.fixture
def check_cell():
    """``check(f, inputs, grads, ggs, expected)``: an LSTM-like ``f``
    returns ``(c, h)`` of the inputs' dtype equal to ``expected`` (looser
    for float16), and passes backward and double backward in float64 with
    the given output and input gradients."""
    return _check_cell


def _along_axis_non_contiguous(f, ref):
    x = numpy.linspace(-3, 3, 24).reshape(4, 6)[:, ::2]
    testing.assert_allclose(f(x).array, ref(x, 1))


def _along_axis_rejects(axis=1, dtype=numpy.float32):
    def check(f, ref):
        with pytest.raises(type_check.InvalidType):
            f(numpy.zeros((2, 3), dtype), axis=axis)
    return check


_ALONG_AXIS_CASES = {
    'non_contiguous': _along_axis_non_contiguous,
    'axis_too_large': _along_axis_rejects(axis=2),
    'axis_too_small': _along_axis_rejects(axis=-3),
    'integer_input': _along_axis_rejects(dtype=numpy.int32),
}


@pytest.fixture(params=sorted(_ALONG_AXIS_CASES))
def along_axis_case(request):
    """``check(f, ref)`` for ``f(x, axis=1)`` with float64 reference
    ``ref(x, axis)``: a non-contiguous input, and InvalidType for axes
    out of range and for integer input (one case per test)."""
    return _ALONG_AXIS_CASES[request.param]
