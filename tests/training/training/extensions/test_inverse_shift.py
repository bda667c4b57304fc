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


def test_zero_power_with_target(shift):
    # power == 0 counts as decreasing in v5 (value / target < 1 stops it).
    opt = shift.opt()
    ext = extensions.InverseShift('lr', 1.0, 0.0, init=0.1, target=0.5,
                                  optimizer=opt)
    assert shift.values(ext, 2, opt) == [0.1, 0.5, 0.5]


def test_negative_values_with_target(shift):
    # v5 compares value / target with 1: a decrease in magnitude of a
    # negative attribute stops at a negative target.
    opt = shift.opt()
    ext = extensions.InverseShift('lr', 1.0, 1.0, init=-1.0, target=-0.4,
                                  optimizer=opt)
    assert shift.values(ext, 3, opt) == pytest.approx(
        [-1.0, -0.5, -0.4, -0.4])
