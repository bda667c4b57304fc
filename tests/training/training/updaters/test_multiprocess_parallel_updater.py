import numpy
import pytest

import chainer
from chainer import iterators
from chainer import optimizers
from chainer import testing
from chainer.training import updaters


def test_available_matches_nccl():
    try:
        from cupy.cuda import nccl
        # Since CuPy 9 the module imports without libnccl and says so.
        has_nccl = bool(getattr(nccl, 'available', True))
    except Exception:
        has_nccl = False
    assert updaters.MultiprocessParallelUpdater.available() == has_nccl


@pytest.mark.skipif(updaters.MultiprocessParallelUpdater.available(),
                    reason='NCCL is available')
def test_clear_error_without_nccl():
    link = chainer.Link()
    opt = optimizers.SGD().setup(link)
    it = iterators.SerialIterator([1], 1)
    with pytest.raises(RuntimeError, match='NCCL'):
        updaters.MultiprocessParallelUpdater([it, it], opt, devices=[0, 1])


@testing.attr.multi_gpu(2)
def test_two_gpus_average_gradients(make_quadratic):
    data = numpy.arange(8, dtype=numpy.float32).reshape(4, 2)
    model = make_quadratic()
    opt = optimizers.SGD(lr=0.2).setup(model)
    its = [iterators.SerialIterator(list(data[i::2]), 2, shuffle=False)
           for i in range(2)]
    updater = updaters.MultiprocessParallelUpdater(its, opt, devices=[0, 1])
    assert opt.lr == pytest.approx(0.1)  # rescaled by the device count
    updater.update()
    updater.finalize()
    expected = 0.1 * 2 * data.sum(axis=0)
    numpy.testing.assert_allclose(chainer.backends.cuda.to_cpu(
        model.w.array), expected, rtol=1e-5)


def test_cupy_nccl_module_without_library_is_not_available(monkeypatch):
    # CuPy 9+ imports cupy.cuda.nccl even when libnccl is missing and
    # sets ``available = False`` there; the updater must then be
    # unavailable.
    import importlib.util
    import sys
    import types
    from chainer.training.updaters import multiprocess_parallel_updater
    stub = types.ModuleType('cupy.cuda.nccl')
    stub.available = False
    cupy = types.ModuleType('cupy')
    cupy_cuda = types.ModuleType('cupy.cuda')
    cupy_cuda.nccl = stub
    cupy.cuda = cupy_cuda
    monkeypatch.setitem(sys.modules, 'cupy', cupy)
    monkeypatch.setitem(sys.modules, 'cupy.cuda', cupy_cuda)
    monkeypatch.setitem(sys.modules, 'cupy.cuda.nccl', stub)
    spec = importlib.util.spec_from_file_location(
        '_mpu_probe', multiprocess_parallel_updater.__file__)
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    assert probe._available is False
    assert probe.MultiprocessParallelUpdater.available() is False
