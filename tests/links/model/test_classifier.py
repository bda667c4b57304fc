import numpy
import pytest

import chainer
from chainer import functions
from chainer import links
from chainer import reporter
from chainer import testing


def _log_softmax(y):
    y = y - y.max(axis=1, keepdims=True)
    return y - numpy.log(numpy.exp(y).sum(axis=1, keepdims=True))


class _Predictor(chainer.Chain):

    def __init__(self):
        super(_Predictor, self).__init__()
        with self.init_scope():
            self.l = links.Linear(3, 4)
        self.calls = []

    def forward(self, *args, **kwargs):
        self.calls.append((args, kwargs))
        return self.l(args[0])


def _data():
    x = numpy.random.uniform(-1, 1, (5, 3)).astype('f')
    t = numpy.array([0, 3, 1, 2, 1], numpy.int32)
    return x, t


def test_loss_accuracy_and_report():
    model = links.Classifier(_Predictor())
    x, t = _data()
    rep = reporter.Reporter()
    rep.add_observer('main', model)
    observation = {}
    with rep.scope(observation):
        loss = model(x, t)
    y = x @ model.predictor.l.W.array.T + model.predictor.l.b.array
    expected_loss = -_log_softmax(y)[numpy.arange(5), t].mean()
    testing.assert_allclose(expected_loss, loss.array, atol=1e-6, rtol=1e-5)
    expected_acc = (y.argmax(axis=1) == t).mean()
    testing.assert_allclose(expected_acc, model.accuracy.array)
    assert model.loss is loss
    testing.assert_allclose(y, model.y.array, atol=1e-6, rtol=1e-5)
    # The reporter keeps copies cut from the graph (v5).
    assert float(observation['main/loss'].array) == float(loss.array)
    assert float(observation['main/accuracy'].array) == \
        float(model.accuracy.array)


def test_reports_under_the_chain_name():
    model = links.Classifier(_Predictor())
    rep = reporter.Reporter()
    rep.add_observer('main', model)
    observation = {}
    with rep.scope(observation):
        model(*_data())
    assert sorted(observation) == ['main/accuracy', 'main/loss']


def test_without_accuracy():
    model = links.Classifier(_Predictor())
    model.compute_accuracy = False
    rep = reporter.Reporter()
    rep.add_observer('model', model)
    observation = {}
    with rep.scope(observation):
        model(*_data())
    assert model.accuracy is None
    assert list(observation) == ['model/loss']


def test_custom_functions():
    calls = []

    def lossfun(y, t):
        calls.append('loss')
        return functions.mean_squared_error(y, t)

    model = links.Classifier(_Predictor(), lossfun=lossfun,
                             accfun=lambda y, t: functions.sum(y))
    x = numpy.ones((2, 3), 'f')
    t = numpy.zeros((2, 4), 'f')
    loss = model(x, t)
    assert calls == ['loss']
    testing.assert_allclose(
        (model.y.array ** 2).mean(), loss.array, rtol=1e-5)
    assert model.lossfun is lossfun


def test_int_label_key():
    predictor = _Predictor()
    model = links.Classifier(predictor, label_key=0)
    x, t = _data()
    model(t, x, 'extra')
    args, _ = predictor.calls[-1]
    assert args[0] is x and args[1] == 'extra'


def test_str_label_key():
    predictor = _Predictor()
    model = links.Classifier(predictor, label_key='t')
    x, t = _data()
    model(x, t=t, flag=True)
    args, kwargs = predictor.calls[-1]
    assert args == (x,) and kwargs == {'flag': True}


def test_bad_label_keys():
    with pytest.raises(TypeError):
        links.Classifier(_Predictor(), label_key=1.5)
    x, t = _data()
    with pytest.raises(ValueError, match='out of bounds'):
        links.Classifier(_Predictor(), label_key=2)(x, t)
    with pytest.raises(ValueError, match='not found'):
        links.Classifier(_Predictor(), label_key='t')(x, t)


def test_backward_trains_the_predictor():
    model = links.Classifier(_Predictor())
    model.cleargrads()
    model(*_data()).backward()
    assert model.predictor.l.W.grad is not None
    assert numpy.abs(model.predictor.l.W.grad).sum() > 0


def test_serialize_keys(save_load):
    src = links.Classifier(links.Linear(3, 2))
    dst = links.Classifier(links.Linear(3, 2))
    assert sorted(save_load(src, dst)) == ['predictor/W', 'predictor/b']
    numpy.testing.assert_array_equal(dst.predictor.W.array,
                                     src.predictor.W.array)


def test_defaults():
    model = links.Classifier(links.Linear(3, 2))
    assert model.lossfun is functions.softmax_cross_entropy
    assert model.accfun is functions.accuracy
    assert model.label_key == -1
    assert model.compute_accuracy is True
    assert model.y is None and model.loss is None and model.accuracy is None


def test_doctests(run_doctests):
    run_doctests('chainer.links.model.classifier')
