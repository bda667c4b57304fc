import numpy
import pytest

import chainer
import chainermn

pytestmark = [pytest.mark.mpi,
              pytest.mark.filterwarnings('ignore::FutureWarning')]


def test_same_shuffled_batches_on_every_rank(comm):
    numpy.random.seed(100 + comm.rank)  # rank 0's draw is what counts
    data = list(range(10))
    it = chainermn.iterators.create_synchronized_iterator(
        chainer.iterators.SerialIterator(data, 4, shuffle=False), comm)
    batches = [it.next() for _ in range(6)]
    everyone = comm.allgather_obj(batches)
    assert all(b == everyone[0] for b in everyone)
    # v6 installs a shuffling sampler even over shuffle=False.
    assert sorted(batches[0] + batches[1] + batches[2][:2]) == data
    assert batches[0] + batches[1] + batches[2][:2] != data
    assert it.epoch == 2 and it.batch_size == 4


def test_seed_comes_from_rank_zero(comm):
    # The sampler draws from RandomState(seed) for rank 0's seed.
    numpy.random.seed(7)
    expected_seed = numpy.random.randint(0, 2 ** 32 - 1)
    actual = chainer.iterators.SerialIterator(list(range(5)), 5)
    numpy.random.seed(7 + comm.rank)
    it = chainermn.iterators.create_synchronized_iterator(actual, comm)
    first = it.next()
    order = numpy.random.RandomState(expected_seed).permutation(5)
    assert first == [int(i) for i in order]


def test_needs_an_order_sampler(comm):
    with pytest.raises(ValueError, match='order_sampler'):
        chainermn.iterators.create_synchronized_iterator(object(), comm)
