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
