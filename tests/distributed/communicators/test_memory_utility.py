import numpy

import chainer
from chainermn import _mpi
from chainermn.communicators import _memory_utility as mem


def _key(*entries):
    return tuple((n, s, numpy.dtype(d).str) for n, s, d in entries)


def test_plan_groups_by_reduction_dtype():
    key = _key(('/a', (2, 3), 'f'), ('/b', (5,), 'e'), ('/c', (), 'd'),
               ('/d', (4,), 'f'))
    plan = mem.PackPlan(key, _mpi.reduction_dtype, 'grad')
    groups = {g[0]: g for g in plan.groups}
    # float16 is packed with float32: MPI cannot sum float16.
    assert set(groups) == {numpy.dtype('f'), numpy.dtype('d')}
    f32 = groups[numpy.dtype('f')]
    assert f32[2] == 6 + 5 + 4
    assert [(i, o, s) for i, o, s, _ in f32[3]] == [
        (0, 0, 6), (1, 6, 5), (3, 11, 4)]
    for _, off, _, _ in plan.groups:
        assert off % 256 == 0
    assert plan.nbytes >= 15 * 4 + 8


def test_signature_depends_on_layout_and_tag():
    a = _key(('/a', (2,), 'f'))
    b = _key(('/a', (3,), 'f'))
    sig = mem.PackPlan(a, numpy.dtype, 'grad').signature
    assert sig == mem.PackPlan(a, numpy.dtype, 'grad').signature
    assert sig != mem.PackPlan(b, numpy.dtype, 'grad').signature
    assert sig != mem.PackPlan(a, numpy.dtype, 'data').signature


def test_pack_unpack_round_trip():
    link = chainer.Link()
    with link.init_scope():
        link.a = chainer.Parameter(numpy.arange(6, dtype='f').reshape(2, 3))
        link.b = chainer.Parameter(numpy.arange(3, dtype='e'))
    for _, p in link.namedparams():
        p.grad = p.array * 2
    entries = mem.grad_entries(link, False)
    assert [n for n, _ in entries] == ['/a', '/b']
    plan = mem.PackPlan(mem.layout_key(entries, 'grad'),
                        _mpi.reduction_dtype)
    buf = mem.GrowOnlyBuffer().get(numpy, plan.nbytes)
    views = mem.group_views(plan, buf)
    mem.pack(plan, [p.grad for _, p in entries], views)
    numpy.testing.assert_array_equal(views[0][:9],
                                     [0, 2, 4, 6, 8, 10, 0, 2, 4])
    mem.unpack_grads(plan, entries, views, 0.5)
    numpy.testing.assert_array_equal(link.a.grad, link.a.array)
    assert link.b.grad.dtype == numpy.float16
    numpy.testing.assert_array_equal(link.b.grad, link.b.array)


def test_grad_entries_zero_fill():
    link = chainer.Link()
    with link.init_scope():
        link.a = chainer.Parameter(numpy.ones(2, 'f'))
        link.u = chainer.Parameter()
    assert mem.grad_entries(link, False) == []
    entries = mem.grad_entries(link, True)
    assert [n for n, _ in entries] == ['/a']
    numpy.testing.assert_array_equal(link.a.grad, [0, 0])


def test_grow_only_buffer():
    b = mem.GrowOnlyBuffer()
    first = b.get(numpy, 100)
    assert b.get(numpy, 50) is first
    bigger = b.get(numpy, 200)
    assert bigger is not first and bigger.nbytes >= 200
    assert b.get(numpy, 100) is bigger


def test_array_module_of():
    assert mem.array_module_of([numpy.zeros(1), numpy.ones(2)]) is numpy
    assert mem.array_module_of([]) is numpy


def test_writable():
    assert mem._writable(numpy.zeros(3))
    assert not mem._writable(numpy.broadcast_to(numpy.float32(1), (3,)))
    ro = numpy.zeros(3)
    ro.flags.writeable = False
    assert not mem._writable(ro)


def test_segments_cover_every_element_once():
    key = _key(('/a', (5,), 'f'), ('/b', (3,), 'f'), ('/c', (2,), 'd'))
    plan = mem.PackPlan(key, numpy.dtype)
    f32, f64 = plan.segments(8)  # 2 float32 or 1 float64 per segment
    assert [(lo, hi) for lo, hi, _ in f32] == [(0, 2), (2, 4), (4, 6),
                                                (6, 8)]
    assert f32[2][2] == [(0, 4, 5, 4), (1, 0, 1, 5)]
    assert [(lo, hi) for lo, hi, _ in f64] == [(0, 1), (1, 2)]
    covered = sorted((i, k) for _, _, pieces in f32
                     for i, a, b, _ in pieces for k in range(a, b))
    assert covered == [(0, k) for k in range(5)] + [(1, k) for k in range(3)]
    assert plan.segments(8) is plan.segments(8)  # cached
