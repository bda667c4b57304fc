"""Deterministic random seeds for tests (``fix_random``)."""
import functools
import os
import random
import types
import unittest

import numpy

from chainer.backends import cuda

# Nested fixed scopes (a fixed method of a fixed class) keep the outer seed.
_nest_count = 0
_saved = None


def _setup_random():
    global _nest_count, _saved
    if _nest_count == 0:
        deterministic = not int(
            os.environ.get('CHAINER_TEST_RANDOM_NONDETERMINISTIC', '0'))
        cupy_state = None
        if cuda.available:
            cupy_state = cuda.cupy.random.get_random_state()
        _saved = (random.getstate(), numpy.random.get_state(), cupy_state)
        random.seed(99 if deterministic else None)
        numpy.random.seed(100 if deterministic else None)
        if cuda.available:
            # A new RandomState object leaves the saved one untouched.
            cuda.cupy.random.set_random_state(cuda.cupy.random.RandomState(
                101 if deterministic else None))
    _nest_count += 1


def _teardown_random():
    global _nest_count, _saved
    _nest_count -= 1
    if _nest_count == 0:
        python_state, numpy_state, cupy_state = _saved
        random.setstate(python_state)
        numpy.random.set_state(numpy_state)
        if cupy_state is not None:
            cuda.cupy.random.set_random_state(cupy_state)
        _saved = None


def _fixed(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        _setup_random()
        try:
            return func(*args, **kwargs)
        finally:
            _teardown_random()
    return wrapper


def _call_hook(hook, self, method):
    # pytest passes the test method only to hooks that take an argument.
    if hook is None:
        return
    code = getattr(hook, '__code__', None)
    if method is not None and code is not None and code.co_argcount >= 2:
        hook(self, method)
    else:
        hook(self)


def _fix_class(klass, setup_name, teardown_name):
    setup = getattr(klass, setup_name, None)
    teardown = getattr(klass, teardown_name, None)

    def setup_wrapper(self, method=None):
        _setup_random()
        try:
            _call_hook(setup, self, method)
        except BaseException:
            # No teardown runs after a failed setup.
            _teardown_random()
            raise

    def teardown_wrapper(self, method=None):
        try:
            _call_hook(teardown, self, method)
        finally:
            _teardown_random()
    setattr(klass, setup_name, setup_wrapper)
    setattr(klass, teardown_name, teardown_wrapper)
    return klass


def fix_random(setup_method='setUp', teardown_method='tearDown'):
    """Seeds Python, NumPy and CuPy random generators for each test.

    The previous generator states are restored after the test. Set
    ``CHAINER_TEST_RANDOM_NONDETERMINISTIC=1`` to draw fresh seeds instead.

    Decorate a test function or method (its name starting with ``test``),
    or a class: for a ``unittest.TestCase`` the seed is fixed from
    ``setup_method`` to the end of ``teardown_method``; for a pytest-style
    class, from its ``setup_method`` to its ``teardown_method`` hooks.

    Apply it outside :mod:`~chainer.testing.condition` decorators, or every
    repetition would draw the same numbers.
    """
    def decorator(impl):
        if isinstance(impl, types.FunctionType):
            if not impl.__name__.startswith('test'):
                raise ValueError(
                    "Can't apply fix_random to {}".format(impl))
            return _fixed(impl)
        if isinstance(impl, type) and issubclass(impl, unittest.TestCase):
            return _fix_class(impl, setup_method, teardown_method)
        if isinstance(impl, type):
            return _fix_class(impl, 'setup_method', 'teardown_method')
        raise ValueError("Can't apply fix_random to {}".format(impl))
    return decorator
