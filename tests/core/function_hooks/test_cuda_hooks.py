import io

import numpy
import pytest

import chainer
from chainer import function_hooks
from chainer import function_node
from chainer.backends import cuda
from chainer.testing import attr


class _Double(function_node.FunctionNode):

    def forward(self, inputs):
        return inputs[0] * 2,

    def backward(self, indexes, grad_outputs):
        return grad_outputs[0] * 2,


@pytest.mark.skipif(cuda.available, reason='needs a machine without CUDA')
@pytest.mark.parametrize('cls', [function_hooks.CupyMemoryProfileHook,
                                 function_hooks.CUDAProfileHook])
def test_requires_cuda(cls):
    with pytest.raises(RuntimeError):
        cls()


def test_names():
    assert function_hooks.CupyMemoryProfileHook.name == \
        'CupyMemoryProfileHook'
    assert function_hooks.CUDAProfileHook.name == 'CUDAProfileHook'


def test_memory_choose_unit():
    choose = function_hooks.CupyMemoryProfileHook._choose_unit
    assert choose(0) == (1.0, 'B')
    assert choose(1023) == (1.0, 'B')
    assert choose(1024) == (1024., 'KB')
    assert choose(5 * 1024 ** 3) == (1024. ** 3, 'GB')


def _memory_report(history, **kwargs):
    # Bypass __init__ (it needs CUDA) to test the bookkeeping alone.
    hook = function_hooks.CupyMemoryProfileHook.__new__(
        function_hooks.CupyMemoryProfileHook)
    hook.call_history = history
    out = io.StringIO()
    hook.print_report(file=out, **kwargs)
    return hook, out.getvalue()


def test_memory_summary_and_report():
    history = [('Linear', 2048, 1024, 0), ('ReLU', 512, 0, 0),
               ('Linear', 2048, 0, 0)]
    hook, text = _memory_report(history)
    assert hook.summary() == {
        'Linear': {'used_bytes': 4096, 'acquired_bytes': 1024,
                   'occurrence': 2},
        'ReLU': {'used_bytes': 512, 'acquired_bytes': 0, 'occurrence': 1}}
    assert text.splitlines() == [
        'FunctionName  UsedBytes  AcquiredBytes  Occurrence',
        '      Linear     4.00KB         1.00KB           2',
        '        ReLU     0.50KB         0.00KB           1']
    _, text = _memory_report(history, unit='auto_foreach')
    assert text.splitlines()[2].split() == ['ReLU', '512.00B', '0.00B', '1']
    _, text = _memory_report(history, unit='B')
    assert text.splitlines()[1].split() == [
        'Linear', '4096.00B', '1024.00B', '2']


@attr.gpu
def test_memory_profile_on_gpu():
    hook = function_hooks.CupyMemoryProfileHook()
    x = chainer.Variable(cuda.cupy.ones((256, 256), numpy.float32))
    with hook:
        y, = _Double().apply((x,))
        y.grad = cuda.cupy.ones_like(y.array)
        y.backward()
    assert [h[0] for h in hook.call_history] == ['_Double', '_Double']
    assert hook.total_used_bytes() >= 2 * 256 * 256 * 4
    assert hook.total_acquired_bytes() >= 0
    hook.print_report(file=io.StringIO())


@attr.gpu
def test_cuda_profile_on_gpu():
    x = cuda.cupy.ones(3, numpy.float32)
    with function_hooks.CUDAProfileHook():
        y, = _Double().apply((x,))
    numpy.testing.assert_array_equal(cuda.to_cpu(y.array), [2, 2, 2])
