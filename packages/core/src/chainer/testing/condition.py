"""Decorators that run an (unstable) test several times."""
import functools
import traceback
import unittest


def _run_trial(f, args, kwargs):
    """Runs one trial; returns ``None`` on success or the traceback text.

    For a ``unittest.TestCase`` method every trial uses a fresh instance
    with its own ``setUp``/``tearDown``, so trials do not share state.
    """
    instance = args[0] if args else None
    try:
        if isinstance(instance, unittest.TestCase):
            trial = type(instance)(instance._testMethodName)
            trial.setUp()
            try:
                f(trial, *args[1:], **kwargs)
            finally:
                trial.tearDown()
        else:
            f(*args, **kwargs)
    except unittest.SkipTest:
        raise
    except Exception:
        return traceback.format_exc()
    return None


def repeat_with_success_at_least(times, min_success):
    """Runs a test up to ``times`` times; it passes on ``min_success`` passes.

    The test stops as soon as the outcome is decided. A skip in any trial
    skips the whole test.

    Args:
        times (int): The maximum number of trials.
        min_success (int): The number of successful trials needed.
    """
    if not 0 <= min_success <= times:
        raise ValueError(
            'min_success must be between 0 and times: '
            'times={}, min_success={}'.format(times, min_success))

    def decorator(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            successes = 0
            failures = []
            for _ in range(times):
                if successes >= min_success:
                    return
                error = _run_trial(f, args, kwargs)
                if error is None:
                    successes += 1
                else:
                    failures.append(error)
                    if len(failures) > times - min_success:
                        break
            if successes >= min_success:
                return
            raise AssertionError(
                '\nFail: {}, Success: {}\n\nThe first error message:\n{}'
                .format(len(failures), successes, failures[0]))
        return wrapper
    return decorator


def repeat(times):
    """Runs a test ``times`` times; every trial must pass."""
    return repeat_with_success_at_least(times, times)


def retry(times):
    """Runs a test until it passes once, at most ``times`` times."""
    return repeat_with_success_at_least(times, 1)
