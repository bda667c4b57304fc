"""Fixtures shared by the initializer tests."""
import numpy
import pytest

from chainer.backends import cuda


@pytest.fixture(autouse=True)
def _fixed_numpy_seed():
    """Seeds numpy's global generator (the initializers draw from it), so
    that the statistical checks are reproducible; restores it afterwards."""
    state = numpy.random.get_state()
    numpy.random.seed(0)
    yield
    numpy.random.set_state(state)


def _sample(init, shape, dtype, xp=numpy):
    a = xp.zeros(shape, dtype=dtype)
    init(a)
    assert isinstance(a, xp.ndarray) and a.dtype == dtype
    assert a.shape == shape
    return cuda.to_cpu(a).astype(numpy.float64)


@pytest.fixture
def sample():
    """``sample(init, shape, dtype, xp=numpy)``: fills a new ``xp`` array
    with ``init``, checks it kept its type, dtype and shape, and returns
    its values as a float64 numpy array."""
    return _sample


def _check_dtype_mismatch(cls, dtype, other_dtype):
    init = cls(dtype=dtype)
    assert init.dtype == dtype
    init(numpy.empty((2, 3), dtype))
    with pytest.raises(AssertionError):
        init(numpy.empty((2, 3), other_dtype))


@pytest.fixture
def check_dtype_mismatch():
    """``check(cls, dtype, other_dtype)``: ``cls(dtype=dtype)`` keeps the
    dtype, fills arrays of it, and refuses arrays of ``other_dtype``."""
    return _check_dtype_mismatch
