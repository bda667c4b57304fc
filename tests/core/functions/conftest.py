"""Checks shared by the tests of every function family.

Test modules never import each other; each check is a fixture returning a
callable (a family's own conftest.py may override one):

- ``gpu_matches_cpu(f, inputs, rng)``
- ``check_doctests(module_name)``: runs the module's ``>>>`` examples
"""
import doctest
import importlib

import numpy
import pytest

from chainer.backends import cuda
from chainer import functions
from chainer import gradient_check
from chainer import testing


def _check_gpu_matches_cpu(f, inputs, rng):
    ys = f(*inputs)
    ys = ys if isinstance(ys, tuple) else (ys,)
    gpu_inputs = [cuda.to_gpu(x) for x in inputs]
    ys_gpu = f(*gpu_inputs)
    ys_gpu = ys_gpu if isinstance(ys_gpu, tuple) else (ys_gpu,)
    for y, y_gpu in zip(ys, ys_gpu):
        assert isinstance(y_gpu.array, cuda.ndarray)
        testing.assert_allclose(y.array, cuda.to_cpu(y_gpu.array),
                                atol=1e-5, rtol=1e-4)
    gys = [cuda.to_gpu(rng.uniform(-1, 1, y.shape).astype(y.dtype))
           for y in ys]
    gradient_check.check_backward(f, gpu_inputs, gys, dtype=numpy.float64,
                                  atol=1e-3, rtol=1e-3)


@pytest.fixture
def gpu_matches_cpu():
    """``check(f, inputs, rng)``: ``f`` gives its CPU outputs on GPU copies
    of ``inputs`` and passes check_backward there, with output gradients
    drawn from ``rng``."""
    return _check_gpu_matches_cpu


def _check_doctests(name):
    # Runs the ``>>>`` examples of module ``name`` with ``np`` and ``F``.
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for test in doctest.DocTestFinder().find(module):
        test.globs.update({'np': numpy, 'F': functions})
        runner.run(test)
    assert runner.failures == 0
    assert runner.tries > 0


@pytest.fixture
def check_doctests():
    return _check_doctests
