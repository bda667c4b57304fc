"""Small test helpers: expected warnings and optional requirements."""
import contextlib
import unittest
import warnings

from chainer.testing import _requirement


@contextlib.contextmanager
def assert_warns(expected):
    """Asserts that the ``with`` block emits a warning of class ``expected``.

    Warnings are recorded with the ``always`` filter so a warning emitted
    earlier from the same line is not hidden.

    Args:
        expected: A ``Warning`` subclass.

    Raises:
        AssertionError: If no such warning was emitted.
    """
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter('always')
        yield
    if not any(isinstance(r.message, expected) for r in records):
        name = getattr(expected, '__name__', str(expected))
        raise AssertionError('{} not triggered'.format(name))


def with_requires(*requirements):
    """Skips a test unless all pip requirements are installed.

    Works on ``unittest.TestCase`` classes, pytest-style classes and test
    functions.

    >>> @with_requires('numpy>=1.10', 'scipy')
    ... def test_something():
    ...     pass

    Args:
        requirements: Requirement strings such as ``'numpy>=1.13'``.
    """
    skip = not all(_requirement.is_satisfied(r) for r in requirements)
    reason = 'requires: {}'.format(','.join(requirements))

    def decorator(obj):
        if not skip:
            return obj
        if isinstance(obj, type) and not issubclass(obj, unittest.TestCase):
            # pytest ignores unittest's skip flag outside TestCase classes.
            import pytest
            return pytest.mark.skip(reason=reason)(obj)
        return unittest.skip(reason)(obj)
    return decorator
