import numpy
import pytest

from chainer import serializers
from chainer.training import extensions


def _make(opt):
    return extensions.WarmupShift(
        'lr', 0.0, 4, init=0.8, optimizer=opt)


EXPECTED = [0.0, 0.2, 0.4, 0.6, 0.8, 0.8, 0.8]


def test_schedule(shift):
    shift.check_schedule(_make, EXPECTED)


def test_v5_formula_rounding(shift):
    # v5 computes (t * init + (n - t) * start) / n; other arrangements of
    # the same formula round differently (e.g. at t = 1 here).
    start, init, n = 0.0, 0.8, 7
    opt = shift.opt()
    ext = extensions.WarmupShift('lr', start, n, init=init, optimizer=opt)
    expected = [start] + [(t * init + (n - t) * start) / n
                          for t in range(1, n + 1)]
    assert shift.values(ext, n, opt) == expected


def test_init_from_optimizer(shift):
    opt = shift.opt(0.4)
    ext = extensions.WarmupShift('lr', 0.0, 2, optimizer=opt)
    assert shift.values(ext, 3, opt) == pytest.approx([0.0, 0.2, 0.4, 0.4])


def test_saves_only_the_call_count(tmp_path, shift):
    opt = shift.opt()
    ext = _make(opt)
    shift.values(ext, 2, opt)
    path = str(tmp_path / 'w.npz')
    serializers.save_npz(path, ext)
    with numpy.load(path) as f:
        assert set(f.keys()) == {'_t'}


@pytest.mark.parametrize('saved_t, expected', [
    # Within the warm-up: start again at warmup_start, then on schedule.
    (2, [0.0, 0.6, 0.8, 0.8]),
    # After it: v5 sets warmup_start at initialize and never changes it.
    (6, [0.0, 0.0, 0.0]),
])
def test_resume_from_v5_snapshot(shift, saved_t, expected):
    opt = shift.opt()
    ext = _make(opt)
    serializers.NpzDeserializer({'_t': numpy.array(saved_t)}).load(ext)
    assert shift.values(ext, len(expected) - 1, opt) == pytest.approx(
        expected)
