"""The GPU communicators against the naive CPU reference (needs a GPU).

With one GPU per node these run on one rank; under mpiexec each rank uses
the GPU of its intra-node rank.
"""
import numpy
import pytest

import chainer
from chainer.testing import attr
import chainermn
import chainermn.optimizers

pytestmark = [pytest.mark.mpi,
              pytest.mark.filterwarnings('ignore::FutureWarning')]

NAMES = ['flat', 'hierarchical', 'two_dimensional', 'single_node',
         'non_cuda_aware', 'pure_nccl']


def _gpu_comm(name, **kwargs):
    import cupy
    comm = chainermn.create_communicator(name, **kwargs)
    if comm.intra_rank >= cupy.cuda.runtime.getDeviceCount():
        pytest.skip('one GPU per rank is needed')
    cupy.cuda.Device(comm.intra_rank).use()
    return comm


class _Model(chainer.Chain):

    def __init__(self, dtype):
        super(_Model, self).__init__()
        with self.init_scope():
            self.a = chainer.Parameter(numpy.zeros((5, 3), dtype))
            self.b = chainer.Parameter(numpy.zeros(7, dtype))


def _set_grads(model, rank):
    rng = numpy.random.RandomState(rank)
    for _, p in sorted(model.namedparams()):
        p.grad = rng.uniform(-1, 1, p.shape).astype(p.dtype)


@attr.gpu
@pytest.mark.parametrize('name', NAMES)
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_allreduce_grad_matches_naive(comm, name, dtype):
    gcomm = _gpu_comm(name)
    cpu = _Model(dtype)
    _set_grads(cpu, comm.rank)
    comm.allreduce_grad(cpu)
    gpu = _Model(dtype)
    _set_grads(gpu, comm.rank)
    gpu.to_gpu()
    gcomm.allreduce_grad(gpu)
    tol = 1e-3 if dtype == numpy.float16 else 1e-6
    for (_, p), (_, q) in zip(sorted(cpu.namedparams()),
                              sorted(gpu.namedparams())):
        assert q.grad.dtype == dtype
        numpy.testing.assert_allclose(p.grad, q.grad.get(), rtol=tol,
                                      atol=tol)


@attr.gpu
@pytest.mark.parametrize('name', NAMES)
def test_bcast_data(comm, name):
    gcomm = _gpu_comm(name)
    model = _Model(numpy.float32)
    for _, p in model.namedparams():
        p.array[...] = comm.rank + 1
    model.to_gpu()
    gcomm.bcast_data(model)
    for _, p in model.namedparams():
        numpy.testing.assert_array_equal(p.array.get(), 1)


@attr.gpu
@pytest.mark.parametrize('allreduce_grad_dtype', [numpy.float16,
                                                  numpy.float64])
def test_pure_nccl_allreduce_grad_dtype(comm, allreduce_grad_dtype):
    gcomm = _gpu_comm('pure_nccl', allreduce_grad_dtype=allreduce_grad_dtype)
    assert gcomm.allreduce_grad_dtype == allreduce_grad_dtype
    model = _Model(numpy.float32)
    _set_grads(model, comm.rank)
    expected = _Model(numpy.float32)
    _set_grads(expected, comm.rank)
    comm.allreduce_grad(expected)
    model.to_gpu()
    gcomm.allreduce_grad(model)
    assert model.a.grad.dtype == numpy.float32
    numpy.testing.assert_allclose(model.a.grad.get(), expected.a.grad,
                                  rtol=1e-2, atol=1e-2)


@attr.gpu
def test_pure_nccl_rejects_bad_dtype(comm):
    with pytest.raises(ValueError):
        chainermn.create_communicator('pure_nccl',
                                      allreduce_grad_dtype=numpy.int32)


@attr.gpu
def test_dummy_only_packs(comm):
    gcomm = _gpu_comm('dummy')
    model = _Model(numpy.float32)
    _set_grads(model, comm.rank)
    before = model.a.grad.copy()
    model.to_gpu()
    gcomm.allreduce_grad(model)
    numpy.testing.assert_array_equal(model.a.grad.get(), before)


@attr.gpu
def test_cpu_model_is_rejected(comm):
    gcomm = _gpu_comm('flat')
    model = _Model(numpy.float32)
    _set_grads(model, comm.rank)
    with pytest.raises(ValueError, match='GPU'):
        gcomm.allreduce_grad(model)


@attr.gpu
def test_double_buffering(comm):
    gcomm = _gpu_comm('pure_nccl')
    import chainer.links as L
    numpy.random.seed(0)
    model = L.Classifier(L.Linear(3, 2))
    model.to_gpu()
    opt = chainermn.create_multi_node_optimizer(
        chainer.optimizers.SGD(), gcomm, double_buffering=True).setup(model)
    x = numpy.random.randn(4, 3).astype('f')
    t = numpy.array([0, 1, 0, 1], 'i')
    import cupy
    for _ in range(4):
        opt.update(model, cupy.asarray(x), cupy.asarray(t))
    # First call broadcasts, the second only launches the allreduce: two
    # actual updates remain.
    assert opt.t == 2
    assert numpy.isfinite(model.predictor.W.array.get()).all()


@attr.gpu
def test_multi_node_batch_normalization_nccl(comm):
    gcomm = _gpu_comm('pure_nccl')
    import cupy
    bn = chainermn.links.MultiNodeBatchNormalization(
        3, gcomm, communication_backend='nccl')
    ref = chainermn.links.MultiNodeBatchNormalization(3, comm)
    x = numpy.random.RandomState(comm.rank).randn(4, 3).astype('f')
    bn.to_gpu()
    y = bn(cupy.asarray(x))
    numpy.testing.assert_allclose(y.array.get(), ref(x).array, rtol=1e-4,
                                  atol=1e-4)
