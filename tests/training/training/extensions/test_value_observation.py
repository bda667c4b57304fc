from chainer import testing
from chainer import training
from chainer.training import extensions


def test_observe_value():
    trainer = testing.get_trainer_with_mock_updater((4, 'iteration'),
                                                    iter_per_epoch=2)
    ext = extensions.observe_value('it', lambda t: t.updater.iteration * 10)
    assert ext.trigger == (1, 'epoch')
    assert ext.priority == training.PRIORITY_WRITER
    seen = []
    trainer.extend(ext)
    trainer.extend(lambda t: seen.append(dict(t.observation)), name='r')
    trainer.run()
    assert seen == [{}, {'it': 20}, {}, {'it': 40}]


def test_observe_lr():
    class Opt(object):
        lr = 0.125
    trainer = testing.get_trainer_with_mock_updater((1, 'iteration'))
    trainer.updater.get_optimizer = lambda name: {'sub': Opt()}[name]
    ext = extensions.observe_lr('sub', 'learning_rate')
    trainer.observation = {}
    ext(trainer)
    assert trainer.observation == {'learning_rate': 0.125}
