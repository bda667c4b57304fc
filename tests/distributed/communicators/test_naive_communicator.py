import numpy
import pytest

import chainer
from chainermn.communicators import naive_communicator

pytestmark = pytest.mark.mpi


class _Model(chainer.Chain):

    def __init__(self, dtypes=('f', 'f', 'f')):
        super(_Model, self).__init__()
        with self.init_scope():
            self.w = chainer.Parameter(numpy.zeros((3, 2), dtypes[0]))
            self.b = chainer.Parameter(numpy.zeros(4, dtypes[1]))
            self.z = chainer.Parameter(numpy.zeros((), dtypes[2]))
            self.lazy = chainer.Parameter()  # uninitialized: skipped


class _CountingComm(object):

    """Forwards to an mpi4py communicator, counting collective calls."""

    def __init__(self, real):
        self.real = real
        self.calls = []

    def __getattr__(self, name):
        attr = getattr(self.real, name)
        if name[:1].isupper():
            def wrapped(*args, **kwargs):
                self.calls.append(name)
                return attr(*args, **kwargs)
            return wrapped
        return attr


def _grads(model, rank, rng_seed=0):
    rng = numpy.random.RandomState(rng_seed + rank)
    out = {}
    for name, p in model.namedparams(include_uninit=False):
        p.grad = rng.uniform(-1, 1, p.shape).astype(p.dtype)
        out[name] = p.grad.copy()
    return out


@pytest.mark.parametrize('dtypes', [
    ('f', 'f', 'f'), ('d', 'd', 'd'), ('e', 'e', 'e'), ('f', 'e', 'd')])
def test_allreduce_grad_is_mean(comm, dtypes):
    model = _Model(dtypes)
    mine = _grads(model, comm.rank)
    everyone = comm.gather_obj(mine)
    everyone = comm.bcast_obj(everyone)
    comm.allreduce_grad(model)
    for name, p in model.namedparams(include_uninit=False):
        expected = numpy.mean(
            [g[name].astype(numpy.float64) for g in everyone], axis=0)
        assert p.grad.dtype == p.dtype
        tol = 1e-3 if p.dtype == numpy.float16 else 1e-6
        numpy.testing.assert_allclose(p.grad, expected, rtol=tol, atol=tol)
    assert model.lazy.grad is None


def test_one_allreduce_and_one_reused_buffer(comm):
    model = _Model()
    original = comm.mpi_comm
    counting = comm.mpi_comm = _CountingComm(original)
    try:
        _grads(model, comm.rank)
        comm.allreduce_grad(model)
        buf = comm._host_buffer._buf
        _grads(model, comm.rank, 5)
        comm.allreduce_grad(model)
        same = comm._host_buffer._buf is buf
    finally:
        comm.mpi_comm = original
    if comm.size == 1:
        assert counting.calls == []  # nothing to average
        return
    # Per call: the tiny layout check and one Allreduce of all gradients.
    assert counting.calls.count('Allreduce') == 4
    assert same


def test_float16_summed_in_float32(comm):
    # 2049 + 1 is not representable in float16 but the sum is exact in
    # float32 before the mean is taken.
    model = _Model(('e', 'e', 'e'))
    for _, p in model.namedparams(include_uninit=False):
        p.grad = numpy.full(p.shape, 2048 if comm.rank == 0 else 1, 'e')
    comm.allreduce_grad(model)
    if comm.size == 2:
        assert model.w.grad[0, 0] == numpy.float16(1024.5)


def test_missing_grad_on_every_rank_is_skipped(comm):
    model = _Model()
    _grads(model, comm.rank)
    model.b.grad = None
    comm.allreduce_grad(model)
    assert model.b.grad is None


def test_zero_fill(comm):
    model = _Model()
    grads = _grads(model, 0)  # the same on every rank
    g = grads['/w']
    if comm.rank == 0:
        model.b.grad = None
    comm.allreduce_grad(model, zero_fill=True)
    assert model.b.grad is not None
    if comm.size == 1:
        numpy.testing.assert_array_equal(model.b.grad, numpy.zeros(4, 'f'))
    else:
        numpy.testing.assert_allclose(model.w.grad, g, rtol=1e-6)
        # rank 0 contributed zeros, the others the same values
        numpy.testing.assert_allclose(
            model.b.grad, grads['/b'] * (comm.size - 1) / comm.size,
            rtol=1e-6)


def test_disagreeing_ranks_raise_together(comm2):
    model = _Model()
    _grads(model, comm2.rank)
    if comm2.rank == 1:
        model.b.grad = None
    with pytest.raises(RuntimeError) as e:
        comm2.allreduce_grad(model)
    assert '/b' in str(e.value) and 'zero_fill' in str(e.value)
    # The communicator is still usable afterwards.
    _grads(model, comm2.rank)
    comm2.allreduce_grad(model)


def test_read_only_grad(comm):
    model = _Model()
    _grads(model, comm.rank)
    model.b.grad = numpy.broadcast_to(numpy.float32(comm.rank + 1), (4,))
    comm.allreduce_grad(model)
    expected = numpy.mean(numpy.arange(comm.size) + 1.0)
    numpy.testing.assert_allclose(model.b.grad, numpy.full(4, expected))


def test_bcast_data(comm):
    model = _Model(('f', 'e', 'd'))
    for _, p in model.namedparams(include_uninit=False):
        p.array[...] = comm.rank + 1
    w = model.w.array
    comm.bcast_data(model)
    for _, p in model.namedparams(include_uninit=False):
        numpy.testing.assert_array_equal(p.array, numpy.ones(p.shape))
    assert model.w.array is w  # copied in place


def test_bcast_data_mismatch_raises(comm2):
    model = _Model()
    if comm2.rank == 1:
        model.lazy.initialize((2,))
    with pytest.raises(RuntimeError, match='lazy'):
        comm2.bcast_data(model)


def test_constructor_and_split(comm):
    c = naive_communicator.NaiveCommunicator(comm.mpi_comm)
    assert (c.rank, c.size) == (comm.rank, comm.size)
    sub = c.split(comm.rank % 2, comm.rank)
    assert isinstance(sub, naive_communicator.NaiveCommunicator)
    assert sub.size == sum(1 for r in range(comm.size)
                           if r % 2 == comm.rank % 2)
    assert sub.rank == comm.rank // 2
    model = _Model()
    _grads(model, sub.rank)
    sub.allreduce_grad(model)


@pytest.mark.parametrize('segment_bytes', [None, 8, 36, 1 << 20])
def test_segments(comm, segment_bytes):
    # Small segments cut arrays at odd places; grads of every layout.
    model = _Model(('f', 'e', 'd'))
    with model.init_scope():
        model.t = chainer.Parameter(numpy.zeros((4, 3), 'f'))
    rng = numpy.random.RandomState(comm.rank)
    model.w.grad = rng.uniform(-1, 1, (3, 2)).astype('f')
    model.b.grad = rng.uniform(-1, 1, 4).astype('e')
    model.z.grad = rng.uniform(-1, 1, ()).astype('d')
    model.t.grad = rng.uniform(-1, 1, (3, 4)).astype('f').T  # F-order
    mine = {n: p.grad.copy() for n, p in model.namedparams(False)}
    everyone = comm.bcast_obj(comm.gather_obj(mine))
    old = comm.segment_bytes
    comm.segment_bytes = segment_bytes
    try:
        comm.allreduce_grad(model)
    finally:
        comm.segment_bytes = old
    for name, p in model.namedparams(include_uninit=False):
        expected = numpy.mean([e[name].astype('d') for e in everyone], 0)
        assert p.grad.dtype == p.dtype and p.grad.shape == p.shape
        tol = 2e-3 if p.dtype == numpy.float16 else 1e-6
        numpy.testing.assert_allclose(p.grad, expected, rtol=tol, atol=tol)


def test_segments_with_shared_grads(comm):
    # Two parameters holding the same gradient array: a segment must not
    # store a mean into it before the other parameter's piece is packed.
    model = _Model()
    with model.init_scope():
        model.v = chainer.Parameter(numpy.zeros((3, 2), 'f'))
    shared = numpy.arange(6, dtype='f').reshape(3, 2) + 4 * comm.rank
    model.v.grad = model.w.grad = shared
    model.b.grad = numpy.ones(4, 'f')
    model.z.grad = numpy.ones((), 'f')
    old = comm.segment_bytes
    comm.segment_bytes = 8
    try:
        comm.allreduce_grad(model)
    finally:
        comm.segment_bytes = old
    expected = numpy.arange(6).reshape(3, 2) + 2.0 * (comm.size - 1)
    numpy.testing.assert_allclose(model.w.grad, expected)
    numpy.testing.assert_allclose(model.v.grad, expected)


class _ThreeIdenticalRanks(object):

    """An mpi4py stand-in: three ranks holding the same gradients, so an
    in-place SUM triples the buffer (layout checks, MAX, see no change)."""

    rank = 0
    size = 3

    def allgather(self, obj):
        return [obj] * 3

    def Allreduce(self, sendbuf, recvbuf, op=None):
        from mpi4py import MPI
        if op == MPI.SUM:
            buf = recvbuf[0]
            buf *= 3


@pytest.mark.parametrize('segment_bytes', [None, 64])
@pytest.mark.parametrize('dtype', ['f', 'd', 'e'])
def test_mean_rounds_like_v5(dtype, segment_bytes):
    # v5: grad = sum over ranks, then grad /= size (float16 summed and
    # divided in float32). Dividing by 3 and multiplying by 1/3 round
    # differently for some values.
    pytest.importorskip('mpi4py')
    comm = naive_communicator.NaiveCommunicator(_ThreeIdenticalRanks())
    comm.segment_bytes = segment_bytes
    model = chainer.Link()
    with model.init_scope():
        model.p = chainer.Parameter(numpy.zeros(1000, dtype))
    g = numpy.random.RandomState(0).uniform(-1, 1, 1000).astype(dtype)
    model.p.grad = g.copy()
    comm.allreduce_grad(model)
    work = g.astype(numpy.float32) if dtype == 'e' else g.copy()
    work *= 3
    work /= 3
    numpy.testing.assert_array_equal(model.p.grad, work.astype(dtype))
