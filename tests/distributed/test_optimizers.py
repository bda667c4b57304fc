import copy

import numpy
import pytest

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import optimizer_hooks
import chainermn

pytestmark = pytest.mark.mpi


def _mlp(seed, in_size=4):
    numpy.random.seed(seed)
    return L.Classifier(chainer.Sequential(
        L.Linear(in_size, 6), F.tanh, L.Linear(6, 3)))


def _batches(comm, n_iter, rng_seed=7, batch=4):
    """This rank's batches, and all ranks' (for a reference run)."""
    rng = numpy.random.RandomState(rng_seed)
    per_rank = [[(rng.randn(batch, 4).astype('f'),
                  rng.randint(0, 3, batch).astype('i'))
                 for _ in range(comm.size)] for _ in range(n_iter)]
    return [b[comm.rank] for b in per_rank], per_rank


def _params(model):
    return {n: p.array.copy() for n, p in model.namedparams()}


@pytest.mark.parametrize('overlap', [False, True])
def test_matches_single_process_sgd(comm, overlap):
    n_iter = 4
    mine, everyone = _batches(comm, n_iter + 1)
    model = _mlp(comm.rank)  # different initial weights on each rank
    opt = chainermn.create_multi_node_optimizer(
        chainer.optimizers.SGD(lr=0.5), comm, overlap=overlap,
        bucket_bytes=64).setup(model)
    opt.update(model, *mine[0])  # first update: broadcast only
    assert opt.t == 0
    reference = _mlp(0)  # rank 0's initial weights
    for n, p in reference.namedparams():
        numpy.testing.assert_array_equal(p.array,
                                         dict(model.namedparams())[n].array)
    ref_opt = chainer.optimizers.SGD(lr=0.5).setup(reference)
    for it in range(1, n_iter + 1):
        opt.update(model, *mine[it])
        # mean of per-rank mean losses == mean loss of the joined batch
        xs = numpy.concatenate([x for x, _ in everyone[it]])
        ts = numpy.concatenate([t for _, t in everyone[it]])
        ref_opt.update(reference, xs, ts)
    assert opt.t == n_iter
    got = _params(model)
    for n, v in _params(reference).items():
        assert numpy.isfinite(got[n]).all()
        numpy.testing.assert_allclose(got[n], v, rtol=1e-5, atol=1e-6)


def test_overlap_same_as_plain(comm):
    mine, _ = _batches(comm, 4)
    results = []
    for overlap in (False, True):
        model = _mlp(comm.rank)
        opt = chainermn.create_multi_node_optimizer(
            chainer.optimizers.MomentumSGD(lr=0.1), comm, overlap=overlap,
            bucket_bytes=100).setup(model)
        for x, t in mine:
            opt.update(model, x, t)
        results.append(_params(model))
    for n in results[0]:
        assert numpy.isfinite(results[1][n]).all()
        numpy.testing.assert_allclose(results[0][n], results[1][n],
                                      rtol=1e-6)


def test_lazy_initialization_is_broadcast(comm):
    mine, _ = _batches(comm, 3)
    numpy.random.seed(comm.rank)
    model = L.Classifier(L.Linear(None, 3))
    opt = chainermn.create_multi_node_optimizer(
        chainer.optimizers.SGD(), comm).setup(model)
    opt.update(model, *mine[0])  # the weights appear: broadcast, no update
    assert opt.t == 0
    w = comm.allgather(model.predictor.W.array)
    numpy.testing.assert_array_equal(w[0], w[-1])
    opt.update(model, *mine[1])
    assert opt.t == 1


def test_proxy_forwards_attributes_and_hooks(comm):
    model = _mlp(0)
    actual = chainer.optimizers.SGD(lr=0.1)
    opt = chainermn.create_multi_node_optimizer(actual, comm)
    assert opt.setup(model) is opt
    assert opt.target is model and opt.lr == 0.1
    opt.lr = 0.2
    assert actual.lr == 0.2
    opt.add_hook(optimizer_hooks.WeightDecay(0.5))
    mine, _ = _batches(comm, 2)
    opt.update(model, *mine[0])
    before = model.predictor[0].W.array.copy()
    model.cleargrads()
    for p in model.params():
        p.grad = numpy.zeros_like(p.array)
    opt.update()  # gradients already computed (all zero)
    numpy.testing.assert_allclose(model.predictor[0].W.array,
                                  before * (1 - 0.2 * 0.5), rtol=1e-6)
    copied = copy.deepcopy(opt)
    assert copied.lr == 0.2


def test_missing_grads_raise_or_zero_fill(comm2):
    class Two(chainer.Chain):
        def __init__(self):
            super(Two, self).__init__()
            with self.init_scope():
                self.a = L.Linear(2, 2)
                self.b = L.Linear(2, 2)

        def forward(self, x, use_b):
            h = self.a(x)
            return F.sum(self.b(h) if use_b else h)

    x = numpy.ones((1, 2), 'f')
    for zero_fill in (False, True):
        for overlap in (False, True):
            model = Two()
            opt = chainermn.create_multi_node_optimizer(
                chainer.optimizers.SGD(), comm2, zero_fill=zero_fill,
                overlap=overlap).setup(model)
            opt.update(model, x, True)
            opt.update(model, x, True)
            use_b = comm2.rank == 0
            if zero_fill:
                opt.update(model, x, use_b)
                assert model.b.W.grad is not None
            else:
                with pytest.raises(RuntimeError, match='/b/W'):
                    opt.update(model, x, use_b)


def test_double_buffering_needs_pure_nccl(comm):
    with pytest.raises(ValueError, match='double buffering'):
        chainermn.create_multi_node_optimizer(
            chainer.optimizers.SGD(), comm, double_buffering=True)


def test_overlap_needs_naive_and_positive_buckets(comm):
    with pytest.raises(ValueError):
        chainermn.create_multi_node_optimizer(
            chainer.optimizers.SGD(), comm, overlap=True, bucket_bytes=0)
    with pytest.raises(ValueError):
        chainermn.create_multi_node_optimizer(
            chainer.optimizers.SGD(), comm, overlap=True,
            double_buffering=True)


def test_serialize_through_proxy(comm, tmp_path):
    model = _mlp(0)
    opt = chainermn.create_multi_node_optimizer(
        chainer.optimizers.MomentumSGD(), comm).setup(model)
    mine, _ = _batches(comm, 3)
    for x, t in mine:
        opt.update(model, x, t)
    path = str(tmp_path / ('opt%d.npz' % comm.rank))
    chainer.serializers.save_npz(path, opt)
    fresh = chainer.optimizers.MomentumSGD().setup(_mlp(0))
    chainer.serializers.load_npz(path, fresh)
    assert fresh.t == opt.t == 2


def test_double_buffering_wait_syncs_the_compute_stream(monkeypatch):
    # v5 waits for the default stream as well: the allreduce stream must
    # not read gradients that backward is still writing.
    from chainermn import optimizers as mn_optimizers
    calls = []

    class _Stream(object):
        def __init__(self, name):
            self.name = name

        def synchronize(self):
            calls.append(self.name)

    monkeypatch.setattr(mn_optimizers, '_current_stream',
                        lambda: _Stream('compute'))
    opt = mn_optimizers._DoubleBufferingOptimizer.__new__(
        mn_optimizers._DoubleBufferingOptimizer)
    object.__setattr__(opt, 'allreduce_grad_stream', _Stream('allreduce'))
    opt.wait()
    assert calls == ['allreduce', 'compute']
