import numpy
import pytest

from chainer.backends import cuda
from chainer import testing


def test_cpu_names_exist():
    for name in ['available', 'cudnn_enabled', 'cupy', 'ndarray', 'copy',
                 'clear_memo', 'elementwise', 'reduce', 'raw', 'memoize',
                 'get_device', 'get_device_from_array', 'get_device_from_id',
                 'get_max_workspace_size', 'set_max_workspace_size',
                 'to_cpu', 'to_gpu', 'get_array_module', 'DummyDevice']:
        assert hasattr(cuda, name), name


def test_to_cpu_passthrough():
    a = numpy.zeros(3)
    assert cuda.to_cpu(a) is a
    assert cuda.to_cpu(None) is None
    out = cuda.to_cpu([a, None])
    assert isinstance(out, list) and out[0] is a
    assert isinstance(cuda.to_cpu(numpy.float32(1)), numpy.ndarray)
    with pytest.raises(TypeError):
        cuda.to_cpu(1)


def test_dummy_device():
    dev = cuda.get_device_from_array(numpy.zeros(1))
    assert dev is cuda.DummyDevice
    assert int(dev) == -1
    with dev:
        pass
    assert cuda.get_device_from_id(None) is cuda.DummyDevice
    with pytest.warns(DeprecationWarning):
        assert cuda.get_device(-1) is cuda.DummyDevice


def test_workspace_size_roundtrip():
    old = cuda.get_max_workspace_size()
    try:
        cuda.set_max_workspace_size(1234)
        assert cuda.get_max_workspace_size() == 1234
    finally:
        cuda.set_max_workspace_size(old)


def test_memoize_cpu():
    calls = []

    @cuda.memoize()
    def f(x):
        calls.append(x)
        return x * 2
    assert f(2) == 4 and f(2) == 4
    assert len(calls) == 1 or cuda.available
    cuda.clear_memo()


def test_should_use_cudnn_false_without_cudnn():
    if not cuda.cudnn_enabled:
        assert cuda.should_use_cudnn('>=auto') is False


@pytest.mark.skipif(cuda.available, reason='CPU-only behaviour')
def test_to_gpu_without_cuda_raises():
    with pytest.raises(RuntimeError):
        cuda.to_gpu(numpy.zeros(1))
    with pytest.raises(RuntimeError):
        cuda.check_cuda_available()


@testing.attr.gpu
def test_to_gpu_roundtrip():
    a = numpy.arange(6, dtype='f')
    g = cuda.to_gpu(a)
    assert isinstance(g, cuda.ndarray)
    numpy.testing.assert_array_equal(cuda.to_cpu(g), a)
    assert cuda.get_array_module(g) is cuda.cupy
    assert cuda.get_device_from_array(g).id == 0


@testing.attr.gpu
def test_variable_to_gpu_backward():
    import chainer
    x = chainer.Variable(numpy.array([1., 2.], 'f'))
    x.to_gpu()
    y = x * x
    y.grad = cuda.cupy.ones(2, 'f')
    y.backward()
    numpy.testing.assert_allclose(cuda.to_cpu(x.grad), [2., 4.])
    x.to_cpu()
    assert isinstance(x.grad, numpy.ndarray)


@testing.attr.gpu
def test_stream_and_event_reexported_as_v5():
    # v5's chainer.backends.cuda re-exports cupy.cuda.Stream and Event;
    # MultiprocessParallelUpdater uses cuda.Stream.null.
    assert cuda.Stream is cuda.cupy.cuda.Stream
    assert cuda.Event is cuda.cupy.cuda.Event
    assert cuda.Stream.null.ptr == 0
