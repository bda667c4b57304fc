from chainer.training import extensions


def _make(opt):
    return extensions.PolynomialShift(
        'lr', 2.0, 4, init=1.0, optimizer=opt)


EXPECTED = [1.0, 0.5625, 0.25, 0.0625, 0.0, 0.0]


def test_schedule(shift):
    shift.check_schedule(_make, EXPECTED)


def test_resume_continues_schedule(shift):
    shift.check_resume(_make, len(EXPECTED) - 1)
