import numpy

from chainer import serializers
from chainer.training import extensions


def _make(opt):
    return extensions.MultistepShift(
        'lr', 0.5, [2, 4], 1.0, optimizer=opt)


EXPECTED = [1.0, 1.0, 0.5, 0.5, 0.25, 0.25]


def test_schedule(shift):
    shift.check_schedule(_make, EXPECTED)


def test_steps_in_given_order_one_per_call(shift):
    # v5 takes the steps in the order given, at most one per call.
    shift.check_schedule(
        lambda opt: extensions.MultistepShift('lr', 0.5, [3, 1], 1.0,
                                              optimizer=opt),
        [1.0, 1.0, 1.0, 0.5, 0.25, 0.25])


def test_saves_only_the_call_count(tmp_path, shift):
    opt = shift.opt()
    ext = _make(opt)
    shift.values(ext, 3, opt)
    path = str(tmp_path / 'm.npz')
    serializers.save_npz(path, ext)
    with numpy.load(path) as f:
        assert set(f.keys()) == {'_t'}
        assert int(f['_t']) == 3


def test_resume_from_v5_snapshot(shift):
    # v5 saves only ``_t``: after a resume at call 4 its step counter
    # starts from 0 and catches up one step per call, and initialize sets
    # init again. These are v5's values.
    opt = shift.opt()
    ext = _make(opt)
    serializers.NpzDeserializer({'_t': numpy.array(4)}).load(ext)
    assert shift.values(ext, 3, opt) == [1.0, 0.5, 0.25, 0.25]
