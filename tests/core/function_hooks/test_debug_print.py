import io

import numpy
import pytest

import chainer
from chainer import function_hooks
from chainer import function_node


class _Double(function_node.FunctionNode):

    def forward(self, inputs):
        return inputs[0] * 2,

    def backward(self, indexes, grad_outputs):
        return grad_outputs[0] * 2,


def test_forward_and_backward_output():
    out = io.StringIO()
    x = chainer.Variable(numpy.array([1., 3.], numpy.float32))
    with function_hooks.PrintHook(file=out):
        y, = _Double().apply((x,))
        y.grad = numpy.array([4., 8.], numpy.float32)
        y.backward()
    text = out.getvalue()
    assert text.count('function\t_Double\n') == 2
    # Blocks start at "function"; backward's own arithmetic adds blocks.
    blocks = ['function' + b for b in text.split('function')[1:]]
    forward, = [b for b in blocks if b.startswith('function\t_Double')
                and 'output gradient' not in b]
    backward, = [b for b in blocks if b.startswith('function\t_Double')
                 and 'output gradient' in b]
    # Input statistics: mean 2, std 1; gradient: mean 6, std 2.
    assert 'input data\n' in forward
    assert 'mean=2.00000000, std=1.00000000' in forward
    assert '- shape: (2,)' in forward and 'float32' in forward
    grad_part = backward.split('output gradient\n')[1]
    assert 'mean=6.00000000, std=2.00000000' in grad_part

def test_end_and_flush():
    class _File(io.StringIO):
        flushes = 0

        def flush(self):
            self.flushes += 1

    f = _File()
    with function_hooks.PrintHook(end='|', file=f, flush=True):
        _Double().apply((numpy.ones(1, numpy.float32),))
    assert f.getvalue().startswith('function\t_Double|input data|')
    assert f.flushes >= 1
    g = _File()
    with function_hooks.PrintHook(file=g, flush=False):
        _Double().apply((numpy.ones(1, numpy.float32),))
    assert g.flushes == 0


def test_removed_input_and_missing_grad():
    out = io.StringIO()
    hook = function_hooks.PrintHook(file=out)
    hook.backward_preprocess(_Double(), (None,), (None,))
    text = out.getvalue()
    assert '(removed)' in text
    # A missing gradient prints as a Variable without data: v5's seven
    # lines, each field None.
    for field in ('device', 'backend', 'shape', 'dtype', 'statistics',
                  'grad'):
        assert '- %s: None' % field in text


def test_sep_is_deprecated():
    with pytest.warns(DeprecationWarning):
        hook = function_hooks.PrintHook(sep=' ')
    assert hook.sep == ' '
    assert function_hooks.PrintHook.name == 'PrintHook'
