import io

import pytest

from chainer import testing
from chainer.training import extensions


def _run(entries, log_report='LogReport', stop=(4, 'iteration')):
    out = io.StringIO()
    trainer = testing.get_trainer_with_mock_updater(stop, iter_per_epoch=2)

    def report(t):
        t.observation['main/loss'] = 1.0 / t.updater.iteration
    trainer.extend(report, name='report', priority=300)
    if log_report == 'LogReport':
        trainer.extend(extensions.LogReport(log_name=None))
    trainer.extend(extensions.PrintReport(entries, log_report, out=out))
    trainer.run()
    return out.getvalue()


def test_table_layout():
    text = _run(['epoch', 'main/loss', 'missing_key_long'])
    lines = text.split('\n')
    assert lines[0] == ('epoch       main/loss   missing_key_long')
    # Columns are at least 10 wide, left aligned, two spaces apart; the
    # line is cleared below the cursor before each row.
    assert lines[1] == '\033[J' + '1' + ' ' * 11 + '0.75' + ' ' * 8 + \
        ' ' * 18
    assert lines[2].startswith('\033[J2           0.291667    ')
    assert lines[3] == ''


def test_internal_log_report():
    text = _run(['iteration'],
                log_report=extensions.LogReport(trigger=(1, 'iteration'),
                                                log_name=None))
    rows = [line.replace('\033[J', '').strip()
            for line in text.splitlines()[1:]]
    assert rows == ['1', '2', '3', '4']


def test_wrong_log_report_type():
    with pytest.raises(TypeError):
        _run(['epoch'], log_report=3)
