from chainer.training import extensions


def _make(opt):
    return extensions.LinearShift(
        'lr', (1.0, 3.0), (1, 3), optimizer=opt)


EXPECTED = [1.0, 1.0, 2.0, 3.0, 3.0, 3.0, 3.0]


def test_schedule(shift):
    shift.check_schedule(_make, EXPECTED)


def test_resume_continues_schedule(shift):
    shift.check_resume(_make, len(EXPECTED) - 1)


def test_v5_formula_rounding(shift):
    # v5 computes v1 + (t - t1) / (t2 - t1) * (v2 - v1); the values must
    # be equal to that, not only close.
    v1, v2, t1, t2 = 0.1, 0.7, 0, 7
    opt = shift.opt()
    ext = extensions.LinearShift('lr', (v1, v2), (t1, t2), optimizer=opt)
    expected = [v1] + [v1 + (t - t1) / (t2 - t1) * (v2 - v1)
                       for t in range(1, t2)] + [v2]
    assert shift.values(ext, t2, opt) == expected
