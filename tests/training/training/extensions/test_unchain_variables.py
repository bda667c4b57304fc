import numpy

import chainer
from chainer import testing
from chainer import training
from chainer.training import extensions


def test_unchains_reported_variables():
    x = chainer.Variable(numpy.ones(2, 'f'))
    y = x * 3
    assert y.creator is not None

    class Trainer(object):
        observation = {'y': y, 'number': 1.0}
    # v5: a class, instantiated by the user before extend().
    extensions.unchain_variables()(Trainer())
    assert y.creator is None


def test_registered_as_in_v5():
    trainer = testing.get_trainer_with_mock_updater((1, 'iteration'))
    ext = extensions.unchain_variables()
    trainer.extend(ext)
    assert ext.name == 'unchain_variables'
    assert ext.priority == 0
    # The trigger is the extension's own method; it has no state to save.
    entry = trainer._extensions['unchain_variables']
    assert not hasattr(entry.trigger, 'serialize')


def test_fires_while_keep_graph_flag_is_on(tmp_path):
    # Iteration 1: dump_graph reports with the flag on, then turns it
    # off; the unchainer (run after it) still acts, as the flag was on
    # at initialize. Iteration 2: the flag was off, so it does nothing.
    creators = []
    trainer = testing.get_trainer_with_mock_updater((2, 'iteration'))
    trainer.out = str(tmp_path)

    def report(t):
        x = chainer.Variable(numpy.ones(2, 'f'))
        t.observation['loss'] = x * 2
    trainer.extend(report, name='report',
                   priority=training.PRIORITY_WRITER)
    trainer.extend(extensions.dump_graph('loss'))
    trainer.extend(extensions.unchain_variables())

    def record(t):
        creators.append(t.observation['loss'].creator is None)
    trainer.extend(record, name='record', priority=-1)
    trainer.run()
    assert creators == [True, False]
