from chainer.training import extensions


def _make(opt):
    return extensions.StepShift(
        'lr', 0.1, 2, init=1.0, target=0.005, optimizer=opt)


EXPECTED = [1.0, 1.0, 0.1, 0.1, 0.01, 0.01, 0.005]


def test_schedule(shift):
    shift.check_schedule(_make, EXPECTED)


def test_resume_continues_schedule(shift):
    shift.check_resume(_make, len(EXPECTED) - 1)


def test_unit_gamma_with_target(shift):
    # gamma == 1 counts as decreasing in v5 (value / target < 1 stops it).
    opt = shift.opt()
    ext = extensions.StepShift('lr', 1.0, 2, init=0.1, target=0.5,
                               optimizer=opt)
    assert shift.values(ext, 2, opt) == [0.1, 0.5, 0.5]
