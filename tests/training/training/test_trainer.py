import io
import os

import pytest

from chainer import testing
from chainer import training
from chainer.training import extension


def _trainer(tmp_path, stop=(10, 'iteration'), iter_per_epoch=5):
    trainer = testing.get_trainer_with_mock_updater(
        stop_trigger=stop, iter_per_epoch=iter_per_epoch)
    trainer.out = str(tmp_path / 'result')
    return trainer


class _Recorder(extension.Extension):

    def __init__(self, log, tag, priority=None, trigger=None):
        self.log = log
        self.tag = tag
        if priority is not None:
            self.priority = priority
        if trigger is not None:
            self.trigger = trigger

    def __call__(self, trainer):
        self.log.append((self.tag, trainer.updater.iteration))

    def initialize(self, trainer):
        self.log.append((self.tag, 'init'))

    def finalize(self):
        self.log.append((self.tag, 'final'))


def test_run_stops_at_trigger_and_creates_out(tmp_path):
    trainer = _trainer(tmp_path)
    trainer.run()
    assert trainer.updater.iteration == 10
    assert os.path.isdir(trainer.out)
    assert trainer.elapsed_time >= 0


def test_run_twice_raises(tmp_path):
    trainer = _trainer(tmp_path, stop=(1, 'iteration'))
    trainer.run()
    with pytest.raises(RuntimeError):
        trainer.run()


def test_elapsed_time_before_run_raises(tmp_path):
    with pytest.raises(RuntimeError):
        _trainer(tmp_path).elapsed_time


def test_priority_order_and_lifecycle(tmp_path):
    log = []
    trainer = _trainer(tmp_path, stop=(2, 'iteration'))
    trainer.extend(_Recorder(log, 'reader'))
    trainer.extend(_Recorder(log, 'writer', training.PRIORITY_WRITER))
    trainer.extend(_Recorder(log, 'editor', training.PRIORITY_EDITOR))
    trainer.extend(_Recorder(log, 'reader2'))
    trainer.run()
    order = ['writer', 'editor', 'reader', 'reader2']
    assert log == ([(t, 'init') for t in order] +
                   [(t, 1) for t in order] + [(t, 2) for t in order] +
                   [(t, 'final') for t in order])


def test_extend_names(tmp_path):
    trainer = _trainer(tmp_path)
    first, second = _Recorder([], 'a'), _Recorder([], 'b')
    trainer.extend(first)
    trainer.extend(second)
    assert first.name == '_Recorder'
    assert second.name == '_Recorder_1'
    assert trainer.get_extension('_Recorder_1') is second

    def my_ext(trainer):
        pass
    trainer.extend(my_ext)
    assert trainer.get_extension('my_ext') is my_ext
    trainer.extend(lambda t: None, name='custom')
    assert trainer.get_extension('custom').name == 'custom'
    with pytest.raises(ValueError):
        trainer.get_extension('missing')
    with pytest.raises(ValueError):
        trainer.extend(lambda t: None, name='training')


def test_extend_rejects_removed_argument(tmp_path):
    with pytest.raises(ValueError, match='invoke_before_training'):
        _trainer(tmp_path).extend(lambda t: None, name='x',
                                  invoke_before_training=True)


def test_trigger_argument_and_default(tmp_path):
    log = []
    trainer = _trainer(tmp_path, stop=(10, 'iteration'), iter_per_epoch=5)
    trainer.extend(_Recorder(log, 'every3'), trigger=(3, 'iteration'))
    trainer.extend(_Recorder(log, 'epoch', trigger=(1, 'epoch')))
    trainer.run()
    calls = [entry for entry in log if entry[1] not in ('init', 'final')]
    assert calls == [('every3', 3), ('epoch', 5), ('every3', 6),
                     ('every3', 9), ('epoch', 10)]


def test_make_extension_attributes(tmp_path):
    log = []

    @training.make_extension(trigger=(2, 'iteration'), priority=250,
                             initializer=lambda t: log.append('init'),
                             finalizer=lambda: log.append('final'))
    def ext(trainer):
        log.append(trainer.updater.iteration)

    assert ext.default_name == 'ext' and ext.priority == 250
    trainer = _trainer(tmp_path, stop=(4, 'iteration'))
    trainer.extend(ext)
    trainer.run()
    assert log == ['init', 2, 4, 'final']


def test_error_calls_on_error_and_finalize(tmp_path, monkeypatch):
    log = []
    err = io.StringIO()
    monkeypatch.setattr('sys.stderr', err)

    class Failing(extension.Extension):
        def __call__(self, trainer):
            if trainer.updater.iteration == 3:
                raise ValueError('boom')

        def on_error(self, trainer, exc, tb):
            log.append(('on_error', type(exc).__name__, tb is not None))

        def finalize(self):
            log.append('finalize')

    trainer = _trainer(tmp_path)
    trainer.updater.finalize = lambda: log.append('updater.finalize')
    trainer.extend(Failing())
    with pytest.raises(ValueError, match='boom'):
        trainer.run()
    assert log == [('on_error', 'ValueError', True), 'finalize',
                   'updater.finalize']
    assert 'Exception in main training loop: boom' in err.getvalue()
    assert trainer.updater.iteration == 3


def test_error_message_can_be_silenced(tmp_path, capsys):
    trainer = _trainer(tmp_path)

    def fail(trainer):
        raise KeyError('x')
    trainer.extend(fail)
    with pytest.raises(KeyError):
        trainer.run(show_loop_exception_msg=False)
    assert 'Exception in main training loop' not in capsys.readouterr().err


def test_observation_is_fresh_each_iteration(tmp_path):
    seen = []
    trainer = _trainer(tmp_path, stop=(3, 'iteration'))

    @training.make_extension(priority=training.PRIORITY_WRITER)
    def writer(trainer):
        assert trainer.observation == {}
        trainer.observation['it'] = trainer.updater.iteration

    trainer.extend(writer)
    trainer.extend(lambda t: seen.append(dict(t.observation)), name='r')
    trainer.run()
    assert seen == [{'it': 1}, {'it': 2}, {'it': 3}]


def test_extensions_argument(tmp_path):
    log = []
    trainer = testing.get_trainer_with_mock_updater((1, 'iteration'))
    trainer = training.Trainer(trainer.updater, (1, 'iteration'),
                               out=str(tmp_path),
                               extensions=[_Recorder(log, 'x')])
    trainer.run()
    assert ('x', 1) in log
