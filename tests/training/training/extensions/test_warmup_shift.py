from chainer.training import extensions


def _make(opt):
    return extensions.WarmupShift(
        'lr', 0.0, 4, init=0.8, optimizer=opt)


EXPECTED = [0.0, 0.2, 0.4, 0.6, 0.8, 0.8, 0.8]


def test_schedule(shift):
    shift.check_schedule(_make, EXPECTED)


def test_resume_continues_schedule(shift):
    shift.check_resume(_make, len(EXPECTED) - 1)
