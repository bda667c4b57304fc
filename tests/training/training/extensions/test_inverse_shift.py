import pytest

from chainer.training import extensions


def _make(opt):
    return extensions.InverseShift(
        'lr', 1.0, 1.0, init=1.0, target=0.3, optimizer=opt)


EXPECTED = [1.0, 0.5, 1 / 3., 0.3]


def test_schedule(shift):
    shift.check_schedule(_make, EXPECTED)


def test_resume_continues_schedule(shift):
    shift.check_resume(_make, len(EXPECTED) - 1)


def test_negative_gamma():
    with pytest.raises(ValueError):
        extensions.InverseShift('lr', -1.0, 1.0)
