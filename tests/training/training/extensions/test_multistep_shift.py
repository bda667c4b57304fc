import pytest

from chainer import serializers
from chainer import testing
from chainer.training import extensions


class _Opt(object):
    lr = 1.0


def _make(opt):
    return extensions.MultistepShift(
        'lr', 0.5, [2, 4], 1.0, optimizer=opt)


EXPECTED = [1.0, 1.0, 0.5, 0.5, 0.25, 0.25]


def _values(ext, n, opt):
    trainer = testing.get_trainer_with_mock_updater()
    ext.initialize(trainer)
    values = [opt.lr]
    for _ in range(n):
        ext(trainer)
        values.append(opt.lr)
    return values


def test_schedule():
    opt = _Opt()
    ext = _make(opt)
    assert _values(ext, 5, opt) == pytest.approx(EXPECTED)


def test_resume_continues_schedule(tmp_path):
    opt = _Opt()
    ext = _make(opt)
    expected = _values(ext, 5, opt)

    opt = _Opt()
    first = _make(opt)
    _values(first, 2, opt)
    path = str(tmp_path / 'shift.npz')
    serializers.save_npz(path, first)
    opt = _Opt()
    second = _make(opt)
    serializers.load_npz(path, second)
    assert _values(second, 5 - 2, opt) == pytest.approx(expected[2:])
