"""End-to-end training of a small MLP with the trainer and extensions."""
import io
import json
import math
import os

import numpy
import pytest

import chainer
from chainer import iterators
from chainer import optimizers
from chainer import serializers
from chainer import training
from chainer.training import extensions

N_TRAIN, BATCH = 64, 10


def _build(tmp_path, make_mlp, separable_data, stop=(10, 'epoch'),
           shuffle=True, out='result', seed=0):
    model = make_mlp(seed=seed)
    optimizer = optimizers.MomentumSGD(lr=0.2)
    optimizer.setup(model)
    train_it = iterators.SerialIterator(
        separable_data(N_TRAIN, seed=1), BATCH, shuffle=shuffle)
    test_it = iterators.SerialIterator(
        separable_data(40, seed=2), 16, repeat=False, shuffle=False)
    updater = training.StandardUpdater(train_it, optimizer)
    trainer = training.Trainer(updater, stop, out=str(tmp_path / out))
    trainer.extend(extensions.Evaluator(test_it, model))
    trainer.extend(extensions.LogReport())
    return trainer, model, optimizer


def test_mlp_learns_and_logs(tmp_path, make_mlp, separable_data):
    numpy.random.seed(0)
    trainer, model, optimizer = _build(tmp_path, make_mlp, separable_data)
    printed, bar = io.StringIO(), io.StringIO()
    entries = ['epoch', 'iteration', 'main/loss', 'validation/main/loss',
               'validation/main/accuracy']
    trainer.extend(extensions.PrintReport(entries, out=printed))
    trainer.extend(extensions.ProgressBar(update_interval=8, out=bar))
    trainer.run()

    log = trainer.get_extension('LogReport').log
    assert [e['epoch'] for e in log] == list(range(1, 11))
    # An epoch ends at the first iteration that reaches 64 * epoch examples.
    assert [e['iteration'] for e in log] == [
        math.ceil(N_TRAIN * e / BATCH) for e in range(1, 11)]
    for entry in log:
        assert {'main/loss', 'main/accuracy', 'validation/main/loss',
                'validation/main/accuracy', 'elapsed_time'} <= set(entry)
    assert log[-1]['main/loss'] < log[0]['main/loss']
    assert log[-1]['validation/main/accuracy'] >= 0.95
    with open(os.path.join(trainer.out, 'log')) as f:
        assert json.load(f) == log
    # The optimizer counts epochs itself (v5 auto new_epoch).
    assert optimizer.epoch == trainer.updater.epoch == 10

    lines = printed.getvalue().replace('\033[J', '').splitlines()
    assert lines[0].split() == entries
    assert len(lines) == 11
    first = lines[1].split()
    assert int(first[0]) == 1 and int(first[1]) == 7
    assert float(first[2]) == pytest.approx(log[0]['main/loss'], rel=1e-5)

    text = bar.getvalue()
    # Drawn at iterations 8, 16, ..., 64 (the last one).
    assert text.count('\033[4A') == 8
    assert '     total [' + '#' * 50 + '] 100.00%' in text
    assert '        64 iter, 10 epoch / 10 epochs' in text
    assert 'iters/sec' in text
    assert text.endswith('\033[J')


def _state(trainer):
    updater = trainer.updater
    it = updater.get_iterator('main')
    opt = updater.get_optimizer('main')
    params = {name: p.array.copy() for name, p in opt.target.namedparams()}
    moments = {name: p.update_rule.state['v'].copy()
               for name, p in opt.target.namedparams()}
    return {
        'iteration': updater.iteration, 'epoch': it.epoch,
        'position': it.current_position, 'is_new_epoch': it.is_new_epoch,
        'previous': it.previous_epoch_detail,
        'order': None if it._order is None else it._order.copy(),
        't': opt.t, 'opt_epoch': opt.epoch, 'params': params,
        'moments': moments,
        'log': trainer.get_extension('LogReport').log,
    }


def _assert_same_state(a, b):
    for key in a:
        if key in ('params', 'moments'):
            assert a[key].keys() == b[key].keys()
            for name in a[key]:
                numpy.testing.assert_array_equal(a[key][name], b[key][name])
        elif key == 'order':
            numpy.testing.assert_array_equal(a[key], b[key])
        else:
            assert a[key] == b[key], key


@pytest.mark.parametrize('shuffle', [True, False])
def test_snapshot_resume_restores_state(tmp_path, make_mlp, separable_data,
                                        shuffle):
    numpy.random.seed(1)
    trainer, _, _ = _build(tmp_path, make_mlp, separable_data,
                           stop=(16, 'iteration'), shuffle=shuffle)
    saved = {}

    @training.make_extension(trigger=(13, 'iteration'), priority=-200)
    def capture(trainer):
        saved.update(_state(trainer))

    # Mid-epoch (iteration 13 of 6.4 per epoch), after a wrapped batch.
    trainer.extend(extensions.snapshot(), trigger=(13, 'iteration'))
    trainer.extend(capture)
    trainer.run()
    path = os.path.join(trainer.out, 'snapshot_iter_13')
    assert os.path.exists(path)
    assert not [f for f in os.listdir(trainer.out) if f.startswith('tmp')]

    resumed, _, _ = _build(tmp_path, make_mlp, separable_data,
                           stop=(16, 'iteration'), shuffle=shuffle,
                           out='resumed', seed=5)
    serializers.load_npz(path, resumed)
    _assert_same_state(saved, _state(resumed))
    assert resumed._snapshot_elapsed_time > 0


def test_resumed_training_matches_uninterrupted(tmp_path, make_mlp,
                                                separable_data):
    full, full_model, _ = _build(tmp_path, make_mlp, separable_data,
                                 stop=(20, 'iteration'), shuffle=False,
                                 out='full')
    full.run()

    first, _, _ = _build(tmp_path, make_mlp, separable_data,
                         stop=(9, 'iteration'), shuffle=False, out='first')
    first.extend(extensions.snapshot(filename='snap'),
                 trigger=(9, 'iteration'))
    first.run()
    second, model, _ = _build(tmp_path, make_mlp, separable_data,
                              stop=(20, 'iteration'), shuffle=False,
                              out='second', seed=3)
    serializers.load_npz(os.path.join(first.out, 'snap'), second)
    second.run()
    for (name, a), (_, b) in zip(sorted(full_model.namedparams()),
                                 sorted(model.namedparams())):
        numpy.testing.assert_allclose(a.array, b.array, rtol=1e-6,
                                      atol=1e-7, err_msg=name)
    full_log = full.get_extension('LogReport').log
    second_log = second.get_extension('LogReport').log
    assert [e['iteration'] for e in second_log] == \
        [e['iteration'] for e in full_log]
    for a, b in zip(full_log, second_log):
        assert a['main/loss'] == pytest.approx(b['main/loss'], rel=1e-5)


def test_snapshot_object_hdf5(tmp_path, make_mlp, separable_data):
    pytest.importorskip('h5py')
    trainer, model, _ = _build(tmp_path, make_mlp, separable_data,
                               stop=(2, 'epoch'))
    trainer.extend(extensions.snapshot_object(
        model, 'model_epoch_{.updater.epoch}', savefun=serializers.save_hdf5))
    trainer.run()
    assert sorted(f for f in os.listdir(trainer.out)
                  if f.startswith('model')) == ['model_epoch_1',
                                                'model_epoch_2']
    loaded = make_mlp(seed=9)
    serializers.load_hdf5(os.path.join(trainer.out, 'model_epoch_2'),
                          loaded)
    numpy.testing.assert_array_equal(loaded.W1.array, model.W1.array)


def test_dump_graph_writes_dot(tmp_path, make_mlp, separable_data):
    trainer, _, _ = _build(tmp_path, make_mlp, separable_data,
                           stop=(2, 'iteration'))
    before = chainer.config.keep_graph_on_report
    trainer.extend(extensions.dump_graph('main/loss'))
    trainer.run()
    with open(os.path.join(trainer.out, 'cg.dot')) as f:
        dot = f.read()
    assert dot.startswith('digraph') and 'SoftmaxCrossEntropy' in dot
    assert chainer.config.keep_graph_on_report == before


def test_links_classifier_with_multiprocess_iterator(tmp_path,
                                                     separable_data):
    L = pytest.importorskip('chainer.links')

    class MLP(chainer.Chain):
        def __init__(self):
            super(MLP, self).__init__()
            with self.init_scope():
                self.l1 = L.Linear(None, 8)
                self.l2 = L.Linear(None, 2)

        def forward(self, x):
            return self.l2(chainer.functions.relu(self.l1(x)))

    numpy.random.seed(0)
    model = L.Classifier(MLP())
    optimizer = optimizers.Adam(alpha=0.05).setup(model)
    train_it = iterators.MultiprocessIterator(
        separable_data(N_TRAIN, seed=1), BATCH, n_processes=2)
    test_it = iterators.MultithreadIterator(
        separable_data(40, seed=2), 20, repeat=False, shuffle=False)
    updater = training.StandardUpdater(train_it, optimizer)
    trainer = training.Trainer(updater, (8, 'epoch'), out=str(tmp_path))
    trainer.extend(extensions.Evaluator(test_it, model))
    trainer.extend(extensions.LogReport(log_name=None))
    trainer.extend(extensions.observe_lr(observation_key='alpha'),
                   trigger=(1, 'epoch'))
    trainer.run()
    log = trainer.get_extension('LogReport').log
    assert log[-1]['validation/main/accuracy'] == 1.0
    assert log[-1]['main/loss'] < log[0]['main/loss']
    assert train_it._finalized and test_it._finalized
