import pytest

from chainer.training import extensions


def _make(opt):
    return extensions.PolynomialShift(
        'lr', 2.0, 4, init=1.0, optimizer=opt)


EXPECTED = [1.0, 0.5625, 0.25, 0.0625, 0.0, 0.0]


def test_schedule(shift):
    shift.check_schedule(_make, EXPECTED)


def test_resume_continues_schedule(shift):
    shift.check_resume(_make, len(EXPECTED) - 1)


def test_target(shift):
    # Stops at the target; at max_count the value is 0, where v5 divides
    # by zero: here the target is kept.
    opt = shift.opt()
    ext = extensions.PolynomialShift('lr', 2.0, 4, init=1.0, target=0.3,
                                     optimizer=opt)
    assert shift.values(ext, 5, opt) == pytest.approx(
        [1.0, 0.5625, 0.3, 0.3, 0.3, 0.3])
