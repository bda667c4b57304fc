import json
import os

import pytest

from chainer import serializers
from chainer import testing
from chainer.training import extensions


def _trainer(tmp_path, stop=(6, 'iteration')):
    trainer = testing.get_trainer_with_mock_updater(stop, iter_per_epoch=3)
    trainer.out = str(tmp_path)
    return trainer


def _reporting(trainer):
    # Writer extension: reports the iteration number and a string.
    def report(t):
        t.observation['value'] = float(t.updater.iteration)
        t.observation['text'] = 'ignored'
    trainer.extend(report, name='report', priority=300)


def test_log_entries_and_file(tmp_path):
    trainer = _trainer(tmp_path)
    _reporting(trainer)
    log_report = extensions.LogReport()
    trainer.extend(log_report)
    trainer.run()
    log = log_report.log
    assert [(e['epoch'], e['iteration'], e['value']) for e in log] == [
        (1, 3, 2.0), (2, 6, 5.0)]
    assert all(set(e) == {'epoch', 'iteration', 'value', 'elapsed_time'}
               for e in log)
    with open(os.path.join(str(tmp_path), 'log')) as f:
        assert json.load(f) == log
    assert [f for f in os.listdir(str(tmp_path))] == ['log']


def test_keys_trigger_postprocess_and_name(tmp_path):
    trainer = _trainer(tmp_path)
    _reporting(trainer)

    def postprocess(entry):
        entry['double'] = entry['value'] * 2
    log_report = extensions.LogReport(
        keys=['value', 'missing'], trigger=(2, 'iteration'),
        postprocess=postprocess, log_name='log_{iteration}')
    trainer.extend(log_report)
    trainer.run()
    assert [e['double'] for e in log_report.log] == [3.0, 7.0, 11.0]
    assert sorted(os.listdir(str(tmp_path))) == ['log_2', 'log_4', 'log_6']


def test_no_file_when_log_name_is_none(tmp_path):
    trainer = _trainer(tmp_path)
    _reporting(trainer)
    trainer.extend(extensions.LogReport(log_name=None))
    trainer.run()
    assert os.listdir(str(tmp_path)) == []


def test_serialize_roundtrip(tmp_path):
    trainer = _trainer(tmp_path, stop=(4, 'iteration'))
    _reporting(trainer)
    log_report = extensions.LogReport()
    trainer.extend(log_report)
    trainer.run()
    path = str(tmp_path / 'lr.npz')
    serializers.save_npz(path, log_report)
    restored = extensions.LogReport()
    serializers.load_npz(path, restored)
    assert restored.log == log_report.log
    # Iteration 4 was summarized but not yet emitted: it is kept.
    assert restored._summary.compute_mean() == {'value': pytest.approx(4.0)}


def test_log_file_text_as_v5_writes_it(tmp_path):
    # v5 dumps the whole log with json.dump(log, f, indent=4): the means
    # in the order first reported, then epoch, iteration, elapsed_time.
    trainer = _trainer(tmp_path, stop=(3, 'iteration'))

    def report(t):
        t.observation['main/loss'] = float(t.updater.iteration)
        t.observation['main/accuracy'] = 0.5
    trainer.extend(report, name='report', priority=300)

    def fix_time(entry):
        entry['elapsed_time'] = 1.5
    trainer.extend(extensions.LogReport(postprocess=fix_time))
    trainer.run()
    expected = (
        '[\n'
        '    {\n'
        '        "main/loss": 2.0,\n'
        '        "main/accuracy": 0.5,\n'
        '        "epoch": 1,\n'
        '        "iteration": 3,\n'
        '        "elapsed_time": 1.5\n'
        '    }\n'
        ']')
    with open(os.path.join(str(tmp_path), 'log')) as f:
        assert f.read() == expected
