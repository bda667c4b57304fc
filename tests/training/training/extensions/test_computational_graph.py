import pytest

import chainer
from chainer import testing
from chainer.training import extensions


def test_root_must_be_variable(tmp_path):
    trainer = testing.get_trainer_with_mock_updater((1, 'iteration'))
    trainer.out = str(tmp_path)
    trainer.extend(lambda t: t.observation.update({'loss': 1.0}),
                   name='report', priority=300)
    trainer.extend(extensions.dump_graph('loss'))
    with pytest.raises(TypeError):
        trainer.run(show_loop_exception_msg=False)
    # The flag is restored even when the dump fails.
    assert not chainer.config.keep_graph_on_report


def test_dumps_once_and_sets_flag(tmp_path):
    import numpy
    flags = []
    trainer = testing.get_trainer_with_mock_updater((3, 'iteration'))
    trainer.out = str(tmp_path)

    def report(t):
        flags.append(chainer.config.keep_graph_on_report)
        x = chainer.Variable(numpy.ones(2, 'f'))
        t.observation['loss'] = x * 2
    trainer.extend(report, name='report', priority=300)
    ext = extensions.dump_graph('loss', out_name='g.dot')
    trainer.extend(ext)
    trainer.run()
    assert flags == [True, False, False]
    with open(str(tmp_path / 'g.dot')) as f:
        assert 'digraph' in f.read()


def test_default_trigger_is_iteration_one_without_state(tmp_path):
    # v5's default trigger is a plain function of the iteration: nothing
    # of it goes into a trainer snapshot.
    import numpy
    from chainer import serializers
    from chainer.training import triggers
    trainer = testing.get_trainer_with_mock_updater((2, 'iteration'))
    trainer.out = str(tmp_path)
    trainer.extend(extensions.dump_graph('loss'))
    entry = trainer._extensions['dump_graph']
    assert not isinstance(entry.trigger, triggers.IntervalTrigger)
    assert not hasattr(entry.trigger, 'serialize')
    trainer.updater.iteration = 1
    assert entry.trigger(trainer)
    trainer.updater.iteration = 2
    assert not entry.trigger(trainer)
    path = str(tmp_path / 'snap.npz')
    serializers.save_npz(path, trainer)
    with numpy.load(path) as f:
        assert not [k for k in f.files if 'dump_graph' in k]


def test_resumed_past_first_iteration_leaves_flag_off(tmp_path):
    import numpy
    dumped = []
    trainer = testing.get_trainer_with_mock_updater((4, 'iteration'))
    trainer.out = str(tmp_path)
    trainer.updater.iteration = 2  # as if resumed from a snapshot

    def report(t):
        dumped.append(chainer.config.keep_graph_on_report)
        t.observation['loss'] = chainer.Variable(numpy.ones(2, 'f')) * 2
    trainer.extend(report, name='report', priority=300)
    trainer.extend(extensions.dump_graph('loss'))
    trainer.run()
    assert dumped == [False, False]
    assert not (tmp_path / 'cg.dot').exists()
