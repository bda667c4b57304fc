import pytest

from chainer import serializers
from chainer import testing
from chainer.training import extensions


class _Opt(object):
    lr = 1.0


def _make(opt):
    return extensions.InverseShift(
        'lr', 1.0, 1.0, init=1.0, target=0.3, optimizer=opt)


EXPECTED = [1.0, 0.5, 1 / 3., 0.3]


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
    assert _values(ext, 3, opt) == pytest.approx(EXPECTED)


def test_resume_continues_schedule(tmp_path):
    opt = _Opt()
    ext = _make(opt)
    expected = _values(ext, 3, opt)

    opt = _Opt()
    first = _make(opt)
    _values(first, 2, opt)
    path = str(tmp_path / 'shift.npz')
    serializers.save_npz(path, first)
    opt = _Opt()
    second = _make(opt)
    serializers.load_npz(path, second)
    assert _values(second, 3 - 2, opt) == pytest.approx(expected[2:])


def test_negative_gamma():
    with pytest.raises(ValueError):
        extensions.InverseShift('lr', -1.0, 1.0)
