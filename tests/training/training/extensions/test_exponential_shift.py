import pytest

from chainer import serializers
from chainer import testing
from chainer.training import extensions


class _Opt(object):
    lr = 1.0


def _values(ext, n, opt):
    trainer = testing.get_trainer_with_mock_updater()
    ext.initialize(trainer)
    values = [opt.lr]
    for _ in range(n):
        ext(trainer)
        values.append(opt.lr)
    return values


def test_decay_with_target():
    opt = _Opt()
    ext = extensions.ExponentialShift('lr', 0.5, init=2.0, target=0.3,
                                      optimizer=opt)
    assert _values(ext, 4, opt) == pytest.approx([2.0, 1.0, 0.5, 0.3, 0.3])


def test_growth_and_init_from_optimizer():
    opt = _Opt()
    opt.lr = 0.1
    ext = extensions.ExponentialShift('lr', 2.0, target=0.5, optimizer=opt)
    assert _values(ext, 3, opt) == pytest.approx([0.1, 0.2, 0.4, 0.5])


def test_negative_rate():
    with pytest.raises(ValueError):
        extensions.ExponentialShift('lr', -1.0)


def test_resume_restores_value(tmp_path):
    opt = _Opt()
    ext = extensions.ExponentialShift('lr', 0.5, init=1.0, optimizer=opt)
    _values(ext, 2, opt)
    path = str(tmp_path / 'e.npz')
    serializers.save_npz(path, ext)
    opt2 = _Opt()
    restored = extensions.ExponentialShift('lr', 0.5, init=1.0,
                                           optimizer=opt2)
    serializers.load_npz(path, restored)
    assert _values(restored, 1, opt2) == pytest.approx([0.25, 0.125])


def test_main_optimizer_by_default():
    trainer = testing.get_trainer_with_mock_updater()
    opt = _Opt()
    trainer.updater.get_optimizer = lambda name: opt if name == 'main' \
        else None
    ext = extensions.ExponentialShift('lr', 0.1)
    ext.initialize(trainer)
    ext(trainer)
    assert opt.lr == pytest.approx(0.1)
