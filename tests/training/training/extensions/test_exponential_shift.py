import pytest

from chainer import serializers
from chainer import testing
from chainer.training import extensions


def test_decay_with_target(shift):
    opt = shift.opt()
    ext = extensions.ExponentialShift('lr', 0.5, init=2.0, target=0.3,
                                      optimizer=opt)
    assert shift.values(ext, 4, opt) == pytest.approx(
        [2.0, 1.0, 0.5, 0.3, 0.3])


def test_growth_and_init_from_optimizer(shift):
    opt = shift.opt(0.1)
    ext = extensions.ExponentialShift('lr', 2.0, target=0.5, optimizer=opt)
    assert shift.values(ext, 3, opt) == pytest.approx([0.1, 0.2, 0.4, 0.5])


def test_negative_rate():
    with pytest.raises(ValueError):
        extensions.ExponentialShift('lr', -1.0)


def test_resume_restores_value(shift, tmp_path):
    opt = shift.opt()
    ext = extensions.ExponentialShift('lr', 0.5, init=1.0, optimizer=opt)
    shift.values(ext, 2, opt)
    path = str(tmp_path / 'e.npz')
    serializers.save_npz(path, ext)
    opt2 = shift.opt()
    restored = extensions.ExponentialShift('lr', 0.5, init=1.0,
                                           optimizer=opt2)
    serializers.load_npz(path, restored)
    assert shift.values(restored, 1, opt2) == pytest.approx([0.25, 0.125])


def test_main_optimizer_by_default(shift):
    trainer = testing.get_trainer_with_mock_updater()
    opt = shift.opt()
    trainer.updater.get_optimizer = lambda name: opt if name == 'main' \
        else None
    ext = extensions.ExponentialShift('lr', 0.1)
    ext.initialize(trainer)
    ext(trainer)
    assert opt.lr == pytest.approx(0.1)


@pytest.mark.parametrize('init, target, expected', [
    # rate == 1 counts as decreasing in v5: the value is replaced by the
    # target as soon as value / target < 1.
    (0.1, 0.5, [0.1, 0.5, 0.5]),
    (0.5, 0.1, [0.5, 0.5, 0.5]),
])
def test_unit_rate_with_target(shift, init, target, expected):
    opt = shift.opt()
    ext = extensions.ExponentialShift('lr', 1.0, init=init, target=target,
                                      optimizer=opt)
    assert shift.values(ext, 2, opt) == expected
