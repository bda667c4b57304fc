import numpy
import pytest

import chainer
from chainer import iterators
from chainer import optimizers
from chainer import serializers
from chainer import training


class _Model(chainer.Link):

    def __init__(self):
        super(_Model, self).__init__()
        with self.init_scope():
            self.w = chainer.Parameter(numpy.zeros(2, numpy.float32))
        self.calls = []

    def forward(self, *args, **kwargs):
        self.calls.append((args, kwargs))
        return chainer.functions.sum(self.w * 1)


def _updater(data=None, batch=2, **kwargs):
    model = _Model()
    opt = optimizers.SGD(lr=0.5)
    opt.setup(model)
    data = list(numpy.arange(5, dtype=numpy.float32)) if data is None \
        else data
    it = iterators.SerialIterator(data, batch, shuffle=False)
    return training.updaters.StandardUpdater(it, opt, **kwargs), model, opt


def test_update_counts_and_epoch_attributes():
    updater, model, opt = _updater()
    assert updater.iteration == 0 and updater.epoch == 0
    assert updater.previous_epoch_detail is None
    for _ in range(3):
        updater.update()
    assert updater.iteration == 3
    assert updater.epoch == 1 and updater.is_new_epoch
    assert updater.epoch_detail == pytest.approx(1.2)
    assert updater.previous_epoch_detail == pytest.approx(0.8)
    # SGD on sum(w): each update subtracts lr from every element.
    numpy.testing.assert_allclose(model.w.array, [-1.5, -1.5])
    args, _ = model.calls[0]
    numpy.testing.assert_array_equal(args[0], [0, 1])


def test_auto_new_epoch():
    updater, _, opt = _updater(batch=2)
    assert opt.use_auto_new_epoch
    epochs = []
    for _ in range(8):
        updater.update()
        epochs.append(opt.epoch)
    # 5 examples, batches of 2: epochs end at iterations 3, 5 and 8.
    assert epochs == [0, 0, 1, 1, 2, 2, 2, 3]
    with pytest.raises(RuntimeError):
        opt.new_epoch()


def test_auto_new_epoch_disabled():
    updater, _, opt = _updater(auto_new_epoch=False)
    for _ in range(5):
        updater.update()
    assert opt.epoch == 0 and not opt.use_auto_new_epoch
    opt.new_epoch()
    assert opt.epoch == 1


def test_converter_device_and_dict_batches():
    seen = []

    def converter(batch, device):
        seen.append(device)
        return {'x': numpy.array(batch)}
    updater, model, _ = _updater(converter=converter, device=-1)
    updater.update()
    assert seen == [-1] and updater.device == -1
    assert set(model.calls[0][1]) == {'x'}


def test_loss_func_and_single_array():
    calls = []
    updater, model, _ = _updater(data=[numpy.ones(3, 'f')] * 4)

    def loss_func(x):
        calls.append(x.shape)
        return chainer.functions.sum(model.w)
    updater.loss_func = loss_func
    updater.update()
    assert calls == [(2, 3)] and model.calls == []


def test_dicts_and_getters():
    model = _Model()
    opt = optimizers.SGD().setup(model)
    it = iterators.SerialIterator([1.0], 1)
    updater = training.StandardUpdater({'main': it}, {'main': opt})
    assert updater.get_iterator('main') is it
    assert updater.get_optimizer('main') is opt
    assert updater.get_all_optimizers() == {'main': opt}


def test_optimizer_dict_without_main_as_in_v5():
    # As in v5's DCGAN example: two optimizers, no 'main', and an
    # update_core of its own. The trainer observes both targets.
    gen, dis = _Model(), _Model()
    opt_gen = optimizers.SGD().setup(gen)
    opt_dis = optimizers.SGD().setup(dis)
    it = iterators.SerialIterator([1.0, 2.0], 1)
    calls = []

    class GANUpdater(training.StandardUpdater):
        def update_core(self):
            self.get_iterator('main').next()
            calls.append(sorted(self.get_all_optimizers()))

    updater = GANUpdater(it, {'gen': opt_gen, 'dis': opt_dis})
    assert updater.get_optimizer('gen') is opt_gen
    trainer = training.Trainer(updater, (1, 'iteration'))
    assert trainer.reporter._observer_names[id(gen)] == 'gen'
    trainer.run()
    assert calls == [['dis', 'gen']]
    # An iterator dict without 'main' is accepted too (v5 checks neither).
    training.StandardUpdater({'sub': it}, opt_gen)


def test_loss_scale_is_set():
    updater, _, opt = _updater(loss_scale=8.0)
    assert opt._loss_scale == 8.0


def test_serialize_roundtrip(tmp_path):
    updater, model, opt = _updater()
    for _ in range(4):
        updater.update()
    path = str(tmp_path / 'u.npz')
    serializers.save_npz(path, updater)
    with numpy.load(path) as f:
        keys = set(f.keys())
    assert {'iteration', 'iterator:main/current_position', 'optimizer:main/t',
            'optimizer:main/epoch', 'model:main/w'} <= keys

    other, other_model, other_opt = _updater()
    serializers.load_npz(path, other)
    assert other.iteration == 4 and other.epoch == updater.epoch
    assert other_opt.t == opt.t == 4 and other_opt.epoch == 1
    numpy.testing.assert_array_equal(other_model.w.array, model.w.array)


def test_finalize_finalizes_iterators():
    updater, _, _ = _updater()
    log = []
    updater.get_iterator('main').finalize = lambda: log.append('done')
    updater.finalize()
    assert log == ['done']
