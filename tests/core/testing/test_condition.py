import unittest

import pytest

from chainer.testing import condition


def _flaky(outcomes):
    """A test body that passes or fails following ``outcomes`` in turn."""
    calls = []

    def body(*args):
        calls.append(args)
        if not outcomes[len(calls) - 1]:
            raise AssertionError('failure #%d' % len(calls))
    return body, calls


def test_repeat_runs_every_time():
    body, calls = _flaky([True] * 4)
    condition.repeat(4)(body)()
    assert len(calls) == 4


def test_repeat_stops_at_first_failure():
    body, calls = _flaky([True, False, True])
    with pytest.raises(AssertionError) as info:
        condition.repeat(3)(body)()
    assert len(calls) == 2
    assert 'Fail: 1, Success: 1' in str(info.value)
    assert 'failure #2' in str(info.value)


def test_retry_fails_once_then_passes():
    body, calls = _flaky([False, True, True])
    condition.retry(3)(body)()
    assert len(calls) == 2


def test_retry_gives_up():
    body, calls = _flaky([False] * 3)
    with pytest.raises(AssertionError) as info:
        condition.retry(3)(body)()
    assert len(calls) == 3
    assert 'Fail: 3, Success: 0' in str(info.value)
    assert 'The first error message' in str(info.value)
    assert 'failure #1' in str(info.value)


@pytest.mark.parametrize('outcomes, runs, ok', [
    ([True, True, True], 3, True),
    ([False, True, True, True], 4, True),
    ([False, False, True, True, True], 5, True),
    ([False, False, False], 3, False),
    ([True, False, True, False, False], 5, False),
])
def test_success_at_least(outcomes, runs, ok):
    body, calls = _flaky(outcomes)
    wrapped = condition.repeat_with_success_at_least(5, 3)(body)
    if ok:
        wrapped()
    else:
        with pytest.raises(AssertionError):
            wrapped()
    assert len(calls) == runs


def test_invalid_counts():
    with pytest.raises(ValueError):
        condition.repeat_with_success_at_least(2, 3)


def test_arguments_are_passed():
    body, calls = _flaky([True, True])
    condition.repeat(2)(body)(1, 2)
    assert calls == [(1, 2), (1, 2)]


class _Counting(unittest.TestCase):

    __test__ = False  # run by the tests below, not collected by pytest
    setups = []
    runs = []

    def setUp(self):
        self.setups.append(self)  # kept alive: ids stay distinct
        self.state = 0

    @condition.retry(3)
    def test_flaky(self):
        # Each trial has fresh state from its own setUp.
        self.state += 1
        self.runs.append(self.state)
        assert len(self.runs) >= 2

    @condition.repeat(3)
    def test_skipped(self):
        self.skipTest('no resource')


def test_testcase_trials_use_fresh_instances():
    _Counting.setups, _Counting.runs = [], []
    result = unittest.TestResult()
    _Counting('test_flaky').run(result)
    assert result.wasSuccessful()
    assert _Counting.runs == [1, 1]
    # One setUp from the runner, one per trial.
    assert len(_Counting.setups) == 3
    assert len({id(t) for t in _Counting.setups}) == 3


def test_skip_in_trial_skips_test():
    result = unittest.TestResult()
    _Counting('test_skipped').run(result)
    assert [r for _, r in result.skipped] == ['no resource']
