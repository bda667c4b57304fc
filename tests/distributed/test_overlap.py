import numpy
import pytest

import chainer
from chainer import _backprop
import chainer.links as L
from chainermn import _mpi
from chainermn import _overlap
from chainermn.communicators import _memory_utility as mem


def _key(*entries):
    return tuple((n, s, numpy.dtype(d).str) for n, s, d in entries)


def test_bucket_plan_follows_order_and_splits():
    key = _key(('/a', (4,), 'f'), ('/b', (4,), 'f'), ('/c', (4,), 'e'),
               ('/d', (2,), 'd'))
    plan = _overlap.BucketPlan(key, ['/d', '/b', '/a'],
                               _mpi.reduction_dtype, bucket_bytes=32)
    # /d alone (float64); /b and /a share 32 bytes; /c (float16 summed as
    # float32) was not in the order, so it comes last, in a new bucket.
    assert [[i for i, _, _, _ in b[3]] for b in plan.buckets] == [
        [3], [1, 0], [2]]
    assert [b[0] for b in plan.buckets] == [
        numpy.dtype('d'), numpy.dtype('f'), numpy.dtype('f')]
    assert plan.bucket_of == [1, 1, 2, 0]
    offsets = [b[1] for b in plan.buckets]
    assert offsets == sorted(offsets) and all(o % 256 == 0 for o in offsets)


@pytest.mark.mpi
def test_allreduces_start_during_backward(comm):
    numpy.random.seed(comm.rank)
    model = L.Classifier(chainer.Sequential(L.Linear(3, 4), L.Linear(4, 2)))
    x = numpy.random.randn(5, 3).astype('f')
    t = numpy.random.randint(0, 2, 5).astype('i')
    reducer = _overlap.OverlapReducer(comm, 16, False)
    entries = mem.data_entries(model)
    key = mem.layout_key(entries, 'array')
    assert not reducer.usable(key)

    reducer.start_recording(entries)
    model.cleargrads()  # v5 starts new parameters with NaN gradients
    loss = model(x, t)
    with _backprop.grad_ready_hook(reducer.record):
        loss.backward()
    reducer.make_plan(key)
    assert sorted(reducer.plan.key) == sorted(key)
    assert reducer.usable(key)
    expected = {n: comm.allreduce(p.grad) / comm.size
                for n, p in model.namedparams()}

    issued = []

    def spy(var):
        reducer.on_ready(var)
        issued.append(reducer._next)

    model.cleargrads()
    loss = model(x, t)
    reducer.begin(entries)
    with _backprop.grad_ready_hook(spy):
        loss.backward()
    n_buckets = len(reducer.plan.buckets)
    assert n_buckets > 1
    # Buckets were started by the hooks, before backward returned.
    assert 0 < issued[len(issued) // 2] < n_buckets
    assert issued[-1] == n_buckets
    reducer.finish()
    for n, p in model.namedparams():
        numpy.testing.assert_allclose(p.grad, expected[n], rtol=1e-6)


@pytest.mark.mpi
def test_missing_everywhere_is_skipped(comm):
    link = chainer.Link()
    with link.init_scope():
        link.a = chainer.Parameter(numpy.ones(3, 'f'))
        link.b = chainer.Parameter(numpy.ones(2, 'f'))
    entries = mem.data_entries(link)
    key = mem.layout_key(entries, 'array')
    reducer = _overlap.OverlapReducer(comm, 1 << 20, False)
    reducer.start_recording(entries)
    reducer.make_plan(key)
    reducer.begin(entries)
    link.a.grad = numpy.full(3, comm.rank, 'f')
    reducer.on_ready(link.a)
    reducer.finish()  # /b never became ready on any rank
    assert link.b.grad is None
    numpy.testing.assert_allclose(link.a.grad,
                                  numpy.full(3, (comm.size - 1) / 2.0))
