import os

import numpy
import pytest

import chainer
import chainer.links as L
import chainermn

pytestmark = [pytest.mark.mpi,
              pytest.mark.filterwarnings('ignore::FutureWarning')]


@pytest.fixture
def shared_dir(comm, tmp_path):
    # One directory for all ranks: rank 0's tmp_path.
    return comm.bcast_obj(str(tmp_path))


def _files(path, comm):
    prefix = 'cp.%d.' % comm.rank
    return sorted(int(f[len(prefix):]) for f in os.listdir(path)
                  if f.startswith(prefix))


def test_save_gc_load_finalize(comm, shared_dir):
    cp = chainermn.create_multi_node_checkpointer(
        'cp', comm, cp_interval=2, gc_interval=2, path=shared_dir)
    model = L.Linear(2, 3)
    for it in range(1, 7):
        model.W.array[...] = it
        cp.save(model, it)
        # Collected once more than cp_interval + gc_interval files exist
        # (v5: cp_interval + 5): the two latest common ones remain.
        expected = list(range(1, it + 1)) if it < 5 else [4, 5, 6][:it - 3]
        assert _files(shared_dir, comm) == expected
    assert not [f for f in os.listdir(shared_dir)
                if f.startswith('.cp.%d.' % comm.rank)]  # no temporaries
    assert 'avg=' in cp.get_stats()

    fresh = L.Linear(2, 3)
    cp2 = chainermn.create_multi_node_checkpointer('cp', comm,
                                                   path=shared_dir)
    cp2.maybe_load(fresh)
    numpy.testing.assert_array_equal(fresh.W.array, numpy.full((3, 2), 6))
    cp2.finalize()
    assert _files(shared_dir, comm) == []


def test_loads_latest_iteration_common_to_all(comm, shared_dir):
    cp = chainermn.create_multi_node_checkpointer('cp', comm,
                                                  path=shared_dir)
    model = L.Linear(2, 3)
    model.W.array[...] = 1
    cp.save(model, 10)
    if comm.rank == 0:  # only rank 0 got further
        model.W.array[...] = 2
        cp.save(model, 20)
    fresh = L.Linear(2, 3)
    cp.maybe_load(fresh)
    expected = 2 if comm.size == 1 else 1
    numpy.testing.assert_array_equal(fresh.W.array,
                                     numpy.full((3, 2), expected))


def test_nothing_to_load(comm, shared_dir):
    cp = chainermn.create_multi_node_checkpointer('none', comm,
                                                  path=shared_dir)
    model = L.Linear(2, 3)
    before = model.W.array.copy()
    cp.maybe_load(model)
    numpy.testing.assert_array_equal(model.W.array, before)


def test_failed_run_keeps_snapshots(comm, shared_dir):
    cp = chainermn.create_multi_node_checkpointer('cp', comm,
                                                  path=shared_dir)
    cp.save(L.Linear(1, 1), 1)
    cp.on_error(None, RuntimeError(), None)
    cp.finalize()
    assert _files(shared_dir, comm) == [1]


def test_name_required(comm):
    with pytest.raises(ValueError):
        chainermn.create_multi_node_checkpointer('', comm)


def test_with_trainer(comm, shared_dir):
    model = L.Classifier(L.Linear(3, 2))
    data = [(numpy.ones(3, 'f'), numpy.int32(comm.rank % 2))] * 4
    it = chainer.iterators.SerialIterator(data, 2)
    opt = chainermn.create_multi_node_optimizer(
        chainer.optimizers.SGD(), comm).setup(model)
    updater = chainer.training.StandardUpdater(it, opt)
    trainer = chainer.training.Trainer(updater, (2, 'epoch'),
                                       out=shared_dir)
    cp = chainermn.create_multi_node_checkpointer('tr', comm)
    trainer.extend(cp, trigger=(1, 'epoch'))
    trainer.run()
    assert len(cp.stats.durations) == 2  # one snapshot per epoch
    # finalize() removed the snapshots after the clean run
    assert not [f for f in os.listdir(shared_dir)
                if f.startswith('tr.%d.' % comm.rank)]
    assert cp.path == shared_dir


def test_v5_default_collection_and_trigger(comm, shared_dir):
    cp = chainermn.create_multi_node_checkpointer('d', comm,
                                                  path=shared_dir)
    # v5: Extension's defaults, a snapshot every iteration.
    assert cp.trigger == (1, 'iteration')
    assert cp.priority == chainer.training.PRIORITY_READER
    prefix = 'd.%d.' % comm.rank
    for it in range(1, 12):
        cp.save(L.Linear(1, 1), it)
        n = len([f for f in os.listdir(shared_dir) if f.startswith(prefix)])
        # v5 collects when len(files) - cp_interval > 5, keeping 5.
        assert n == (it if it <= 10 else 5)
