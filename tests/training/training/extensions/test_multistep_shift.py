from chainer.training import extensions


def _make(opt):
    return extensions.MultistepShift(
        'lr', 0.5, [2, 4], 1.0, optimizer=opt)


EXPECTED = [1.0, 1.0, 0.5, 0.5, 0.25, 0.25]


def test_schedule(shift):
    shift.check_schedule(_make, EXPECTED)


def test_resume_continues_schedule(shift):
    shift.check_resume(_make, len(EXPECTED) - 1)
