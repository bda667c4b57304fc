"""A trainer snapshot laid out as upstream Chainer v5 writes it loads here
and the training goes on with v5's numbers.

The entries below are written by hand from v5's ``serialize`` methods:
the updater's iterator, optimizer, model and iteration, the stop trigger,
each extension and each extension's trigger, and the elapsed time. v5's
MinValueTrigger and its IntervalTrigger-less extensions write nothing.
"""
import io
import json
import os

import numpy
import pytest

import chainer
from chainer import functions
from chainer import iterators
from chainer import optimizers
from chainer import serializers
from chainer import training
from chainer.training import extensions
from chainer.training import triggers


DATA = numpy.arange(18, dtype=numpy.float32).reshape(6, 3) / 10
ORDER = numpy.array([3, 0, 5, 1, 4, 2])
W_SAVED = numpy.array([0.5, -0.25, 1.0], numpy.float32)
V_SAVED = numpy.array([0.01, 0.02, -0.03], numpy.float32)
LR0, RATE, MOMENTUM = 0.1, 0.5, 0.9


class _Model(chainer.Link):

    def __init__(self):
        super(_Model, self).__init__()
        with self.init_scope():
            self.W = chainer.Parameter(numpy.zeros(3, numpy.float32))

    def __call__(self, x):
        loss = functions.sum(x * functions.broadcast_to(self.W, x.shape))
        chainer.reporter.report({'loss': loss}, self)
        return loss


def _v5_snapshot():
    # Seven iterations of batch 2 over 6 examples: epoch 2, position 2.
    entries = {
        'updater/iteration': 7,
        'updater/iterator:main/current_position': 2,
        'updater/iterator:main/epoch': 2,
        'updater/iterator:main/is_new_epoch': False,
        'updater/iterator:main/order': ORDER,
        'updater/iterator:main/previous_epoch_detail': 2.0,
        'updater/optimizer:main/t': 7,
        'updater/optimizer:main/epoch': 2,
        'updater/optimizer:main/W/t': 7,
        'updater/optimizer:main/W/v': V_SAVED,
        'updater/model:main/W': W_SAVED,
        'stop_trigger/previous_iteration': 7,
        'stop_trigger/previous_epoch_detail': 7 / 3.,
        'extensions/LogReport/_trigger/previous_iteration': 7,
        'extensions/LogReport/_trigger/previous_epoch_detail': 7 / 3.,
        'extensions/LogReport/_log': json.dumps([
            {'main/loss': 1.5, 'epoch': 1, 'iteration': 3,
             'elapsed_time': 1.0},
            {'main/loss': 1.25, 'epoch': 2, 'iteration': 6,
             'elapsed_time': 2.0}]),
        'extensions/ExponentialShift/_t': 2,
        'extensions/ExponentialShift/_last_value': LR0 * RATE ** 2,
        '_snapshot_elapsed_time': 5.0,
    }
    for name in ('LogReport', 'ExponentialShift'):
        prefix = 'extension_triggers/{}/'.format(name)
        entries[prefix + 'previous_iteration'] = 7
        entries[prefix + 'previous_epoch_detail'] = 7 / 3.
    buf = io.BytesIO()
    numpy.savez(buf, **{k: numpy.asarray(v) for k, v in entries.items()})
    buf.seek(0)
    return buf


def _trainer(out):
    model = _Model()
    opt = optimizers.MomentumSGD(lr=LR0, momentum=MOMENTUM).setup(model)
    it = iterators.SerialIterator(DATA, 2, shuffle=True)
    updater = training.StandardUpdater(it, opt)
    trainer = training.Trainer(updater, (9, 'iteration'), out=out)
    trainer.extend(extensions.LogReport(log_name=None))
    trainer.extend(extensions.ExponentialShift('lr', RATE),
                   trigger=(1, 'epoch'))
    trainer.extend(
        extensions.snapshot_object(model, 'best_{.updater.iteration}'),
        trigger=triggers.MinValueTrigger('main/loss', (1, 'epoch')))
    return trainer, model, opt


def test_trainer_resumes_v5_snapshot(tmp_path):
    numpy.random.seed(0)
    trainer, model, opt = _trainer(str(tmp_path))
    # The snapshot holds no statistics names for the summaries; loading
    # warns about that, as v5's DictSummary does.
    with pytest.warns(UserWarning, match='names of statistics'):
        serializers.load_npz(_v5_snapshot(), trainer)
    assert trainer.updater.iteration == 7
    assert (opt.t, opt.epoch, model.W.update_rule.t) == (7, 2, 7)
    numpy.testing.assert_array_equal(model.W.array, W_SAVED)
    trainer.run()

    # v5's run: the shift's initialize restores lr = 0.1 * 0.5 ** 2; the
    # batches are ORDER[2:4] and ORDER[4:6]; the loss is sum(W * x), so
    # the gradient is the sum of the batch; momentum SGD updates W.
    lr = LR0 * RATE ** 2
    w = W_SAVED.astype(numpy.float64)
    v = V_SAVED.astype(numpy.float64)
    losses = []
    for batch in (ORDER[2:4], ORDER[4:6]):
        x = DATA[batch].astype(numpy.float64)
        losses.append(float((x * w).sum()))
        v = MOMENTUM * v - lr * x.sum(axis=0)
        w = w + v
    numpy.testing.assert_allclose(model.W.array, w, rtol=1e-6)
    numpy.testing.assert_allclose(model.W.update_rule.state['v'], v,
                                  rtol=1e-5, atol=1e-7)

    # The epoch ends at iteration 9: the optimizer counts it, the shift
    # takes its third step and LogReport adds the mean of the two losses
    # (its summary is not in v5 snapshots, so only these two).
    assert (opt.t, opt.epoch) == (9, 3)
    assert opt.lr == LR0 * RATE ** 3
    log = trainer.get_extension('LogReport').log
    assert [e['iteration'] for e in log] == [3, 6, 9]
    assert log[2]['epoch'] == 3
    numpy.testing.assert_allclose(log[2]['main/loss'], numpy.mean(losses),
                                  rtol=1e-6)
    assert log[2]['elapsed_time'] >= 5.0
    # MinValueTrigger starts afresh, as in v5: its new interval trigger
    # fires at the first call (iteration 8, with that loss as the first
    # best), then at the epoch end if the loss went down.
    expected = ['best_8'] + (['best_9'] if losses[1] < losses[0] else [])
    assert sorted(os.listdir(str(tmp_path))) == expected
