from chainer.training import extensions


def _make(opt):
    return extensions.LinearShift(
        'lr', (1.0, 3.0), (1, 3), optimizer=opt)


EXPECTED = [1.0, 1.0, 2.0, 3.0, 3.0, 3.0, 3.0]


def test_schedule(shift):
    shift.check_schedule(_make, EXPECTED)


def test_resume_continues_schedule(shift):
    shift.check_resume(_make, len(EXPECTED) - 1)
