import unittest
import warnings

import pytest

from chainer import testing


def test_assert_warns_passes():
    with testing.assert_warns(DeprecationWarning):
        warnings.warn('old', DeprecationWarning)


def test_assert_warns_subclass_and_repeated():
    for _ in range(2):  # the 'always' filter shows the repeated warning
        with testing.assert_warns(UserWarning):
            warnings.warn('x', SyntaxWarning)
            warnings.warn('y', UserWarning)


def test_assert_warns_fails():
    with pytest.raises(AssertionError) as info:
        with testing.assert_warns(DeprecationWarning):
            warnings.warn('other', RuntimeWarning)
    assert 'DeprecationWarning not triggered' in str(info.value)


def test_assert_warns_propagates_exceptions():
    with pytest.raises(KeyError):
        with testing.assert_warns(UserWarning):
            raise KeyError('k')


MISSING = 'no-such-distribution-for-chainer-tests'


def test_with_requires_satisfied_returns_same_object():
    def f():
        return 1
    assert testing.with_requires('numpy>=1.0', 'pytest')(f) is f


def test_with_requires_skips_function():
    @testing.with_requires('numpy<1.0')
    def f():
        raise AssertionError('must not run')
    with pytest.raises(unittest.SkipTest) as info:
        f()
    assert 'requires: numpy<1.0' in str(info.value)


def test_with_requires_skips_testcase():
    @testing.with_requires('numpy', MISSING)
    class Case(unittest.TestCase):
        def test_x(self):
            raise AssertionError('must not run')
    result = unittest.TestResult()
    Case('test_x').run(result)
    assert result.skipped[0][1] == 'requires: numpy,' + MISSING


def test_with_requires_marks_pytest_class():
    @testing.with_requires(MISSING)
    class TestSomething(object):
        pass
    marks = [m for m in TestSomething.pytestmark if m.name == 'skip']
    assert marks[0].kwargs['reason'] == 'requires: ' + MISSING


@testing.with_requires(MISSING)
class TestSkippedWhole(unittest.TestCase):

    def test_never_runs(self):
        raise AssertionError('must be skipped')


@testing.with_requires(MISSING)
def test_never_runs_function():
    raise AssertionError('must be skipped')


def test_with_requires_invalid_requirement():
    with pytest.raises(ValueError):
        testing.with_requires('numpy >> 1')
