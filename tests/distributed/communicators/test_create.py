import importlib
import sys

import numpy
import pytest

import chainermn
from chainermn.communicators import naive_communicator

GPU_NAMES = ['flat', 'hierarchical', 'two_dimensional', 'single_node',
             'non_cuda_aware', 'pure_nccl', 'dummy']


def _has_gpu():
    try:
        import cupy
        return cupy.cuda.runtime.getDeviceCount() > 0
    except Exception:
        return False


@pytest.mark.mpi
def test_naive(comm):
    c = chainermn.create_communicator('naive')
    assert isinstance(c, naive_communicator.NaiveCommunicator)
    c = chainermn.create_communicator('naive', mpi_comm=comm.mpi_comm)
    assert c.size == comm.size


@pytest.mark.mpi
def test_unknown_name():
    with pytest.raises(ValueError, match='Unrecognized communicator: "x"'):
        chainermn.create_communicator('x')


@pytest.mark.mpi
@pytest.mark.parametrize('name', ['naive', 'flat', 'hierarchical'])
def test_allreduce_grad_dtype_only_for_pure_nccl(name):
    with pytest.raises(ValueError, match='pure_nccl'):
        chainermn.create_communicator(name, allreduce_grad_dtype=numpy.float16)


@pytest.mark.mpi
@pytest.mark.parametrize('name', ['naive', 'flat', 'hierarchical'])
def test_batched_copy_only_for_pure_nccl(name):
    # v6's option: refused by every other communicator, before any set-up.
    with pytest.raises(ValueError, match='batched_copy'):
        chainermn.create_communicator(name, batched_copy=True)
    assert chainermn.create_communicator(
        'naive', batched_copy=False).size >= 1


@pytest.mark.mpi
@pytest.mark.skipif(_has_gpu(), reason='checks the CPU-only error')
@pytest.mark.parametrize('name', GPU_NAMES)
def test_gpu_communicators_explain_missing_cupy(name):
    with pytest.raises(RuntimeError, match='CuPy'):
        chainermn.create_communicator(name)


def test_modules_import_without_cupy():
    # Every communicator module imports even where CuPy is missing.
    for mod in ['flat_communicator', 'hierarchical_communicator',
                'two_dimensional_communicator', 'single_node_communicator',
                'non_cuda_aware_communicator', 'pure_nccl_communicator',
                'dummy_communicator']:
        importlib.import_module('chainermn.communicators.' + mod)


def test_missing_mpi4py_message(monkeypatch):
    from chainermn import _mpi
    monkeypatch.setitem(sys.modules, 'mpi4py', None)
    with pytest.raises(ImportError, match='mpiexec'):
        _mpi.import_mpi()


@pytest.mark.parametrize('name,class_name', [
    ('naive', 'NaiveCommunicator'),
    ('flat', 'FlatCommunicator'),
    ('hierarchical', 'HierarchicalCommunicator'),
    ('two_dimensional', 'TwoDimensionalCommunicator'),
    ('single_node', 'SingleNodeCommunicator'),
    ('non_cuda_aware', 'NonCudaAwareCommunicator'),
    ('pure_nccl', 'PureNcclCommunicator'),
    ('dummy', 'DummyCommunicator'),
])
def test_name_selects_class(monkeypatch, name, class_name):
    # Each communicator lives in chainermn.communicators.<name>_communicator.
    # Its class is replaced by a recorder, so no device or MPI is needed.
    module = importlib.import_module(
        'chainermn.communicators.{}_communicator'.format(name))

    class Recorder(object):
        def __init__(self, **kwargs):
            self.kwargs = kwargs

    monkeypatch.setattr(module, class_name, Recorder)
    mpi_comm = object()
    c = chainermn.create_communicator(name, mpi_comm=mpi_comm)
    assert isinstance(c, Recorder)
    expected = {'mpi_comm': mpi_comm}
    if name == 'pure_nccl':
        expected['allreduce_grad_dtype'] = None
        expected['batched_copy'] = False
    assert c.kwargs == expected
