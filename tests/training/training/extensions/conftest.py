"""Helpers shared by the tests of the attribute-shift extensions
(ExponentialShift, LinearShift, StepShift, ...)."""
import pytest

from chainer import serializers
from chainer import testing


class _Opt(object):

    # The shifts only read and write one attribute: a plain object keeps
    # their tests independent of the real optimizers.
    lr = 1.0


def _run(ext, n, opt):
    trainer = testing.get_trainer_with_mock_updater()
    ext.initialize(trainer)
    values = [opt.lr]
    for _ in range(n):
        ext(trainer)
        values.append(opt.lr)
    return values


class _ShiftChecker(object):

    def __init__(self, tmp_path):
        self._tmp_path = tmp_path

    @staticmethod
    def opt(lr=1.0):
        """A stand-in optimizer whose ``lr`` the shift changes."""
        opt = _Opt()
        opt.lr = lr
        return opt

    @staticmethod
    def values(ext, n, opt):
        """``opt.lr`` after ``initialize`` and after each of ``n`` calls."""
        return _run(ext, n, opt)

    def check_schedule(self, make, expected):
        """``make(opt)`` builds the shift; its values must be ``expected``
        (the value after ``initialize`` first)."""
        opt = _Opt()
        assert _run(make(opt), len(expected) - 1, opt) == pytest.approx(
            expected)

    def check_resume(self, make, n, stop=2):
        """A shift saved after ``stop`` calls and loaded into a new one goes
        on with the values of an uninterrupted run of ``n`` calls."""
        opt = _Opt()
        expected = _run(make(opt), n, opt)

        opt = _Opt()
        first = make(opt)
        _run(first, stop, opt)
        path = str(self._tmp_path / 'shift.npz')
        serializers.save_npz(path, first)
        opt = _Opt()
        second = make(opt)
        serializers.load_npz(path, second)
        assert _run(second, n - stop, opt) == pytest.approx(expected[stop:])


@pytest.fixture
def shift(tmp_path):
    """Stand-in optimizer, value runner and the schedule/resume checks."""
    return _ShiftChecker(tmp_path)
