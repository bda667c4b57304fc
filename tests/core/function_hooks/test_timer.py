import io

import numpy
import pytest

import chainer
from chainer import function_hooks
from chainer import function_node
from chainer.function_hooks import timer


class _Double(function_node.FunctionNode):

    def forward(self, inputs):
        return inputs[0] * 2,

    def backward(self, indexes, grad_outputs):
        return grad_outputs[0] * 2,


class _Square(function_node.FunctionNode):

    def forward(self, inputs):
        self.retain_inputs((0,))
        return inputs[0] ** 2,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return grad_outputs[0] * x * 2,


@pytest.fixture
def clock(monkeypatch):
    # A fake clock advancing one second per reading makes times exact.
    ticks = iter(range(1000))
    monkeypatch.setattr(timer.time, 'perf_counter', lambda: next(ticks))


def test_records_forward_and_backward():
    x = chainer.Variable(numpy.array([1., 2.], numpy.float32))
    with function_hooks.TimerHook() as hook:
        y, = _Double().apply((x,))
        z, = _Square().apply((y,))
        z.grad = numpy.ones(2, numpy.float32)
        z.backward()
    ours = [(n, t) for n, t in hook.call_history
            if n in ('_Double', '_Square')]
    assert sorted(n for n, _ in ours) == [
        '_Double', '_Double', '_Square', '_Square']
    assert all(t >= 0 for _, t in hook.call_history)
    # The arithmetic inside backward (Variable operators) is hooked too,
    # but nested in our backward calls, so it is not added to the total.
    assert len(hook.call_history) > 4
    assert hook.total_time() == pytest.approx(sum(t for _, t in ours))
    summary = hook.summary()
    assert summary['_Double']['occurrence'] == 2
    assert summary['_Square']['elapsed_time'] == pytest.approx(
        sum(t for n, t in ours if n == '_Square'))
    numpy.testing.assert_allclose(x.grad, [8., 16.])  # d(4x^2)/dx


def test_not_recorded_outside_with():
    hook = function_hooks.TimerHook()
    with hook:
        pass
    _Double().apply((numpy.ones(1, numpy.float32),))
    assert hook.call_history == []


def test_local_hook():
    hook = function_hooks.TimerHook()
    f = _Double()
    f.add_hook(hook)
    f.apply((numpy.ones(1, numpy.float32),))
    _Square().apply((numpy.ones(1, numpy.float32),))
    assert [n for n, _ in hook.call_history] == ['_Double']


def test_nested_calls_counted_once(clock):
    hook = function_hooks.TimerHook()
    outer, inner = _Double(), _Square()
    x = (numpy.ones(1),)
    hook.forward_preprocess(outer, x)       # t = 0
    hook.forward_preprocess(inner, x)       # t = 1
    hook.forward_postprocess(inner, x)      # t = 2
    hook.forward_postprocess(outer, x)      # t = 3
    hook.backward_preprocess(outer, x, x)   # t = 4
    hook.backward_postprocess(outer, x, x)  # t = 5
    assert hook.call_history == [('_Square', 1), ('_Double', 3),
                                 ('_Double', 1)]
    assert hook.total_time() == 4
    assert hook.summary() == {
        '_Square': {'elapsed_time': 1, 'occurrence': 1},
        '_Double': {'elapsed_time': 4, 'occurrence': 2}}
    assert list(hook.summary()) == ['_Square', '_Double']


def _report(call_history, **kwargs):
    hook = function_hooks.TimerHook()
    hook.call_history = call_history
    out = io.StringIO()
    hook.print_report(file=out, **kwargs)
    return out.getvalue()


def test_print_report_auto_units():
    # v5's 'auto' sizes one unit to the largest total and uses it on every
    # row; 'auto_foreach' sizes each row's unit to that row.
    history = [('LinearFunction', 1.24), ('ReLU', 0.59305),
               ('ReLU', 1e-6 * 2.5), ('Tiny', 3e-9)]
    assert _report(history) == (
        '  FunctionName  ElapsedTime  Occurrence\n'
        'LinearFunction      1.24sec           1\n'
        '          ReLU      0.59sec           2\n'
        '          Tiny      0.00sec           1\n')
    assert _report(history, unit='auto_foreach') == (
        '  FunctionName  ElapsedTime  Occurrence\n'
        'LinearFunction      1.24sec           1\n'
        '          ReLU     593.05ms           2\n'
        '          Tiny       3.00ns           1\n')
    # The largest time need not come first.
    assert _report([('A', 2e-6), ('B', 3e-3)]).splitlines()[1:] == [
        '           A       0.00ms           1',
        '           B       3.00ms           1']


def test_print_report_fixed_unit():
    text = _report([('Exp', 0.25), ('Exp', 0.5)], unit='ms')
    assert text.splitlines() == [
        'FunctionName  ElapsedTime  Occurrence',
        '         Exp     750.00ms           2']
    text = _report([('Exp', 2e-6)], unit='us')
    assert text.splitlines()[1].split() == ['Exp', '2.00us', '1']


def test_print_report_bad_unit():
    # v5 fails on its unit table lookup.
    with pytest.raises(KeyError):
        _report([], unit='min')


def test_choose_unit():
    choose = function_hooks.TimerHook._choose_unit
    assert choose(2.) == (1, 'sec')
    assert choose(0.002) == (1000., 'ms')
    assert choose(2e-6) == (1e6, 'us')
    assert choose(2e-9) == (1e9, 'ns')
