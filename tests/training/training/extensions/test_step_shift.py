from chainer.training import extensions


def _make(opt):
    return extensions.StepShift(
        'lr', 0.1, 2, init=1.0, target=0.005, optimizer=opt)


EXPECTED = [1.0, 1.0, 0.1, 0.1, 0.01, 0.01, 0.005]


def test_schedule(shift):
    shift.check_schedule(_make, EXPECTED)


def test_resume_continues_schedule(shift):
    shift.check_resume(_make, len(EXPECTED) - 1)
