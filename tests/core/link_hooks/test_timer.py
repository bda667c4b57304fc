import io
import time

import numpy
import pytest

import chainer
from chainer import link_hooks


class Sleepy(chainer.Link):

    def __init__(self, seconds):
        super(Sleepy, self).__init__()
        self.seconds = seconds

    def forward(self, x):
        time.sleep(self.seconds)
        return x


class Pair(chainer.Chain):

    def __init__(self):
        super(Pair, self).__init__()
        with self.init_scope():
            self.a = Sleepy(0.01)
            self.b = Sleepy(0.002)

    def forward(self, x):
        return self.b(self.a(x))


def test_records_each_link_call():
    hook = link_hooks.TimerHook()
    model = Pair()
    with hook:
        model(numpy.zeros(1))
        model(numpy.zeros(1))
    names = [name for name, _ in hook.call_history]
    assert names == ['Sleepy', 'Sleepy', 'Pair'] * 2
    summary = hook.summary()
    assert list(summary) == ['Sleepy', 'Pair']
    assert summary['Sleepy']['occurrence'] == 4
    assert summary['Pair']['occurrence'] == 2
    assert summary['Sleepy']['elapsed_time'] >= 2 * (0.01 + 0.002)
    # Only outermost calls count in the total (children are inside).
    pair_time = summary['Pair']['elapsed_time']
    assert hook.total_time() == pytest.approx(pair_time)
    assert pair_time >= summary['Sleepy']['elapsed_time']


def test_local_registration():
    hook = link_hooks.TimerHook()
    model = Pair()
    model.a.add_hook(hook)
    model(numpy.zeros(1))
    assert [name for name, _ in hook.call_history] == ['Sleepy']
    assert hook.call_history[0][1] >= 0.01


@pytest.mark.parametrize(
    'unit', ['auto', 'auto_foreach', 'sec', 'ms', 'us', 'ns'])
def test_print_report(unit):
    hook = link_hooks.TimerHook()
    with hook:
        Pair()(numpy.zeros(1))
    out = io.StringIO()
    hook.print_report(unit=unit, file=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ['LinkName', 'ElapsedTime', 'Occurrence']
    assert lines[1].split()[0] == 'Sleepy' and lines[1].split()[2] == '2'
    assert lines[2].split()[0] == 'Pair'
    if not unit.startswith('auto'):
        assert lines[1].split()[1].endswith(unit)
    if unit == 'auto':
        # One unit, fitted to the largest time, for every row.
        units = {line.split()[1].lstrip('0123456789.') for line in lines[1:]}
        assert len(units) == 1
    # Columns are right-aligned to the same width.
    assert len({len(line) for line in lines}) == 1


def test_print_report_bad_unit():
    # v5 fails on its unit table lookup.
    with pytest.raises(KeyError):
        link_hooks.TimerHook().print_report(unit='min')
