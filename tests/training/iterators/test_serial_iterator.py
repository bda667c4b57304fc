import numpy
import pytest

from chainer import iterators
from chainer import serializers
from chainer.datasets import TupleDataset


def test_sequence_without_shuffle():
    it = iterators.SerialIterator(list(range(5)), 3, shuffle=False)
    assert it.epoch == 0 and it.epoch_detail == 0
    assert it.previous_epoch_detail is None
    expected = [([0, 1, 2], 0, False, 0.6, 0.0),
                ([3, 4, 0], 1, True, 1.2, 0.6),
                ([1, 2, 3], 1, False, 1.8, 1.2),
                ([4, 0, 1], 2, True, 2.4, 1.8)]
    for batch, epoch, new, detail, previous in expected:
        assert next(it) == batch
        assert it.epoch == epoch and it.is_new_epoch is new
        assert it.epoch_detail == pytest.approx(detail)
        assert it.previous_epoch_detail == pytest.approx(previous)


def test_no_repeat_stops_after_one_epoch():
    it = iterators.SerialIterator(list(range(5)), 2, repeat=False,
                                  shuffle=False)
    assert list(it) == [[0, 1], [2, 3], [4]]
    assert it.epoch == 1 and it.is_new_epoch
    with pytest.raises(StopIteration):
        it.next()
    it.reset()
    assert it.epoch == 0 and it.current_position == 0
    assert it.next() == [0, 1]


def test_batch_larger_than_dataset():
    it = iterators.SerialIterator([0, 1], 5, shuffle=False)
    assert it.next() == [0, 1, 0, 1, 0]
    assert it.epoch == 2 and it.current_position == 1


def test_shuffle_uses_global_random_state():
    numpy.random.seed(3)
    it = iterators.SerialIterator(list(range(6)), 3)
    batches = [it.next() for _ in range(4)]
    numpy.random.seed(3)
    first, second = numpy.random.permutation(6), numpy.random.permutation(6)
    assert batches[0] + batches[1] == first.tolist()
    assert batches[2] + batches[3] == second.tolist()


def test_order_sampler():
    class Reverse(iterators.OrderSampler):
        def __call__(self, current_order, current_position):
            return numpy.arange(len(current_order))[::-1]

    it = iterators.SerialIterator(list(range(4)), 3, order_sampler=Reverse())
    assert it.next() == [3, 2, 1]
    assert it.next() == [0, 3, 2]
    with pytest.raises(ValueError):
        iterators.SerialIterator([1], 1, shuffle=True,
                                 order_sampler=Reverse())


def test_order_sampler_with_wrong_length():
    it = iterators.SerialIterator(
        list(range(4)), 2,
        order_sampler=lambda order, pos: numpy.arange(len(order) + 1)
        if pos else numpy.arange(len(order)))
    it.next()
    with pytest.raises(ValueError, match='order'):
        it.next()


def test_tuple_dataset_batches():
    ds = TupleDataset(numpy.arange(4), numpy.arange(4) * 10)
    it = iterators.SerialIterator(ds, 3, shuffle=False)
    assert it.next() == [(0, 0), (1, 10), (2, 20)]
    assert it.next() == [(3, 30), (0, 0), (1, 10)]


@pytest.mark.parametrize('shuffle', [True, False])
def test_serialize_roundtrip(tmp_path, shuffle):
    numpy.random.seed(0)
    it = iterators.SerialIterator(list(range(10)), 4, shuffle=shuffle)
    for _ in range(3):
        it.next()
    path = str(tmp_path / 'it.npz')
    serializers.save_npz(path, it)
    with numpy.load(path) as f:
        keys = set(f.keys())
    expected = {'current_position', 'epoch', 'is_new_epoch',
                'previous_epoch_detail'}
    assert keys == (expected | {'order'} if shuffle else expected)

    other = iterators.SerialIterator(list(range(10)), 4, shuffle=shuffle)
    serializers.load_npz(path, other)
    assert other.current_position == it.current_position == 2
    assert other.epoch == it.epoch == 1
    assert other.is_new_epoch == it.is_new_epoch
    assert other.epoch_detail == it.epoch_detail
    assert other.previous_epoch_detail == it.previous_epoch_detail
    # The rest of the epoch comes in the same order.
    assert other.next() == it.next()
    assert other.next()[:2] == it.next()[:2]


def test_deserialize_old_snapshot_without_previous_detail():
    it = iterators.SerialIterator(list(range(10)), 4, shuffle=False)
    serializers.NpzDeserializer({
        'current_position': numpy.array(8), 'epoch': numpy.array(0),
        'is_new_epoch': numpy.array(False)}).load(it)
    assert it.current_position == 8
    assert it.previous_epoch_detail == pytest.approx(0.4)


def test_guessed_previous_detail_is_clamped_at_zero():
    # v5's guess for a snapshot without previous_epoch_detail is
    # epoch + (position - batch_size) / size, clamped at 0 once anything
    # was read: two examples into the first epoch give 0.0, not None.
    it = iterators.SerialIterator(list(range(10)), 4, shuffle=False)
    serializers.NpzDeserializer({
        'current_position': numpy.array(2), 'epoch': numpy.array(0),
        'is_new_epoch': numpy.array(False)}).load(it)
    assert it.previous_epoch_detail == 0.0
    # Nothing read yet: unknown, as after a reset.
    serializers.NpzDeserializer({
        'current_position': numpy.array(0), 'epoch': numpy.array(0),
        'is_new_epoch': numpy.array(False)}).load(it)
    assert it.previous_epoch_detail is None


def test_loads_order_saved_as_underscore_order():
    # v5 falls back to the ``_order`` key of older snapshots.
    it = iterators.SerialIterator(list(range(5)), 2, shuffle=True)
    serializers.NpzDeserializer({
        'current_position': numpy.array(2), 'epoch': numpy.array(0),
        'is_new_epoch': numpy.array(False),
        '_order': numpy.array([4, 3, 2, 1, 0]),
        'previous_epoch_detail': numpy.array(0.0)}).load(it)
    assert it.next() == [2, 1]


class _Recorder(iterators.OrderSampler):
    # Records the current_position each call gets; returns a fixed order.
    def __init__(self):
        self.positions = []

    def __call__(self, current_order, current_position):
        self.positions.append(current_position)
        return numpy.arange(len(current_order))[::-1]


def test_order_sampler_gets_batch_start_as_v5():
    # v5 passes the position where the wrapping batch started.
    rec = _Recorder()
    it = iterators.SerialIterator(list(range(5)), 2, order_sampler=rec)
    for _ in range(5):
        it.next()
    # Batches start at 0, 2, 4 (wraps), 1, 3 (wraps).
    assert rec.positions == [0, 4, 3]


def test_shuffle_draw_order_interleaved_with_other_draws():
    # A training loop draws from the global RNG between batches (dropout);
    # v5 draws the next permutation inside the next() that ends an epoch.
    n, b = 5, 2
    numpy.random.seed(6)
    it = iterators.SerialIterator(list(range(n)), b)
    got = []
    for _ in range(6):
        got.append((it.next(), numpy.random.uniform()))

    numpy.random.seed(6)
    order = numpy.random.permutation(n).tolist()
    pos = 0
    expected = []
    for _ in range(6):
        batch = order[pos:pos + b]
        pos += b
        if pos >= n:
            order = numpy.random.permutation(n).tolist()
            pos -= n
            batch += order[:pos]
        expected.append((batch, numpy.random.uniform()))
    assert got == expected
