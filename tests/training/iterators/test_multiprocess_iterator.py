import copy
import os
import time
import warnings

import numpy
import pytest

from chainer import iterators
from chainer.iterators import multiprocess_iterator
from chainer import serializers
from chainer.datasets import TransformDataset


class _Failing(object):

    def __len__(self):
        return 6

    def __getitem__(self, i):
        if i == 4:
            raise KeyError('bad example')
        return i


class _Slow(object):

    def __len__(self):
        return 2

    def __getitem__(self, i):
        time.sleep(0.3)
        return i


@pytest.mark.parametrize('n_prefetch', [1, 3])
@pytest.mark.parametrize('repeat', [True, False])
def test_same_batches_as_serial(n_prefetch, repeat, seeded_sampler,
                                assert_follows_serial):
    data = [numpy.full(2, i, numpy.float32) for i in range(7)]
    serial = iterators.SerialIterator(data, 3, repeat=repeat,
                                      order_sampler=seeded_sampler(0))
    with iterators.MultiprocessIterator(
            data, 3, repeat=repeat, order_sampler=seeded_sampler(0),
            n_processes=2, n_prefetch=n_prefetch) as it:
        assert_follows_serial(it, serial, 6 if repeat else 3, repeat)


def test_lambda_dataset_with_fork():
    data = TransformDataset(list(range(5)), lambda x: x * 10)
    it = iterators.MultiprocessIterator(data, 5, repeat=False, shuffle=False,
                                        n_processes=2)
    try:
        assert it.next() == [0, 10, 20, 30, 40]
    finally:
        it.finalize()


def test_workers_run_in_other_processes():
    data = TransformDataset(list(range(4)), lambda _: os.getpid())
    it = iterators.MultiprocessIterator(data, 4, shuffle=False,
                                        n_processes=2)
    try:
        assert os.getpid() not in it.next()
    finally:
        it.finalize()


def test_finalize_terminates_workers():
    it = iterators.MultiprocessIterator(list(range(10)), 2, n_processes=2)
    it.next()
    workers = list(it._pool._pool)
    assert all(w.is_alive() for w in workers)
    it.finalize()
    assert not any(w.is_alive() for w in workers)
    with pytest.raises(RuntimeError):
        it.next()
    it.finalize()  # a second call is harmless


def test_worker_error_propagates():
    it = iterators.MultiprocessIterator(_Failing(), 3, shuffle=False,
                                        n_processes=2)
    try:
        assert it.next() == [0, 1, 2]
        with pytest.raises(KeyError, match='bad example'):
            it.next()
    finally:
        it.finalize()


def test_timeout_warning():
    it = iterators.MultiprocessIterator(_Slow(), 2, n_processes=1,
                                        dataset_timeout=0.05)
    try:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter('always')
            assert sorted(it.next()) == [0, 1]
        assert any(issubclass(x.category,
                              multiprocess_iterator.TimeoutWarning)
                   for x in w)
    finally:
        it.finalize()


def test_serialize_roundtrip_discards_prefetched(tmp_path, seeded_sampler):
    data = list(range(9))
    it = iterators.MultiprocessIterator(
        data, 2, order_sampler=seeded_sampler(1), n_processes=2,
        n_prefetch=2)
    other = iterators.MultiprocessIterator(
        data, 2, order_sampler=seeded_sampler(9), n_processes=2,
        n_prefetch=2)
    try:
        for _ in range(3):
            it.next()
        other.next()  # other has batches of another order in flight
        path = str(tmp_path / 'it.npz')
        serializers.save_npz(path, it)
        serializers.load_npz(path, other)
        assert other.current_position == it.current_position == 6
        assert other.epoch == it.epoch == 0
        numpy.testing.assert_array_equal(other._order, it._order)
        assert other.next() == it.next()
    finally:
        it.finalize()
        other.finalize()


def test_reset_and_copy():
    it = iterators.MultiprocessIterator(list(range(5)), 2, repeat=False,
                                        shuffle=False, n_processes=2)
    try:
        assert it.next() == [0, 1]
        clone = copy.copy(it)
        try:
            assert clone.next() == [2, 3]
        finally:
            clone.finalize()
        assert it.next() == [2, 3]
        it.reset()
        assert list(it) == [[0, 1], [2, 3], [4]]
    finally:
        it.finalize()


def test_invalid_arguments():
    with pytest.raises(ValueError):
        iterators.MultiprocessIterator([1], 1, n_processes=0)
    with pytest.raises(ValueError):
        iterators.MultiprocessIterator([1], 1, shared_mem=0)
    with pytest.raises(ValueError):
        iterators.MultiprocessIterator([1], 1, n_prefetch=0)


class _Recorder(iterators.OrderSampler):
    # Records the current_position each call gets; returns a fixed order.
    def __init__(self):
        self.positions = []

    def __call__(self, current_order, current_position):
        self.positions.append(current_position)
        return numpy.arange(len(current_order))[::-1]


def test_order_sampler_gets_batch_start_as_v5():
    rec = _Recorder()
    it = iterators.MultiprocessIterator(list(range(5)), 2, n_processes=1,
                                        order_sampler=rec)
    for _ in range(4):
        it.next()
    it.finalize()
    # Batches start at 0, 2, 4 (wraps), 1, 3 (wraps, prefetched).
    assert rec.positions == [0, 4, 3]


@pytest.mark.parametrize('shuffle', [False, True])
def test_copy_draws_an_order_as_v5(shuffle):
    # v5's __copy__ calls the constructor, which draws one initial order
    # (from the global RNG, also for a non-shuffling iterator) that the
    # copy then replaces with the original's.
    numpy.random.seed(8)
    it = iterators.MultiprocessIterator(list(range(6)), 2, n_processes=1,
                                        shuffle=shuffle)
    order = None if it._order is None else it._order.copy()
    clone = copy.copy(it)
    try:
        after_copy = numpy.random.rand()
        numpy.random.seed(8)
        if shuffle:
            numpy.random.permutation(6)
        numpy.random.permutation(6)
        assert after_copy == numpy.random.rand()
        if order is not None:
            numpy.testing.assert_array_equal(clone._order, order)
        assert clone.next() == it.next()
    finally:
        clone.finalize()
        it.finalize()
