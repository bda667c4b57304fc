import numpy
import pytest

import chainer
from chainer import iterators
from chainer import reporter
from chainer import testing
from chainer.training import extensions


class _Target(chainer.Link):

    """Reports the batch mean; records train mode and backprop mode."""

    def __init__(self):
        super(_Target, self).__init__()
        self.modes = []

    def forward(self, x):
        self.modes.append((chainer.config.train,
                           chainer.config.enable_backprop))
        chainer.report({'mean': float(numpy.mean(x))}, self)


def test_reports_means_with_prefix():
    data = numpy.arange(6, dtype=numpy.float32)[:, None]
    it = iterators.SerialIterator(list(data), 2, repeat=False, shuffle=False)
    target = _Target()
    evaluator = extensions.Evaluator(it, target)
    trainer = testing.get_trainer_with_mock_updater()
    trainer.extend(evaluator)
    assert evaluator.name == 'validation'
    assert evaluator.trigger == (1, 'epoch')
    assert evaluator.priority == extensions.Evaluator.priority == 300
    observation = {}
    with trainer.reporter.scope(observation):
        result = evaluator(trainer)
    # Batch means 0.5, 2.5, 4.5.
    assert result == {'validation/main/mean': pytest.approx(2.5)}
    assert observation == result
    assert target.modes == [(False, False)] * 3
    # The iterator is reset, so a second evaluation sees the same data.
    assert evaluator()['validation/main/mean'] == pytest.approx(2.5)


def test_without_trainer_and_name():
    it = iterators.SerialIterator([numpy.ones(1, 'f')], 1, repeat=False)
    evaluator = extensions.Evaluator(it, {'main': _Target()})
    rep = reporter.Reporter()
    observation = {}
    with rep.scope(observation):
        evaluator()
    assert observation == {'main/mean': 1.0}


def test_eval_func_hook_and_converter():
    log = []
    it = iterators.SerialIterator([(1, 2), (3, 4)], 2, repeat=False,
                                  shuffle=False)

    def converter(batch, device):
        log.append(('convert', device))
        return {'a': [b[0] for b in batch], 'b': [b[1] for b in batch]}

    def eval_func(a, b):
        chainer.report({'sum': sum(a) + sum(b)})

    evaluator = extensions.Evaluator(
        it, _Target(), converter=converter, device=-1,
        eval_hook=lambda ev: log.append(('hook', ev is evaluator)),
        eval_func=eval_func)
    assert evaluator() == {'sum': 10.0}
    assert log == [('hook', True), ('convert', -1)]


def test_iterator_without_reset_is_copied():
    class Plain(object):
        def __init__(self):
            self.items = [[numpy.ones(1, 'f')], [numpy.zeros(1, 'f')]]

        def __iter__(self):
            return iter(self.items)

        def __copy__(self):
            return Plain()

        def finalize(self):
            pass

    evaluator = extensions.Evaluator(Plain(), _Target())
    assert evaluator()['main/mean'] == pytest.approx(0.5)
    assert evaluator()['main/mean'] == pytest.approx(0.5)


def test_repeating_iterator_warns():
    with pytest.warns(UserWarning, match='repeat'):
        extensions.Evaluator(iterators.SerialIterator([1], 1), _Target())


def test_getters_and_finalize():
    it = iterators.SerialIterator([1], 1, repeat=False)
    target = _Target()
    evaluator = extensions.Evaluator(it, target)
    assert evaluator.get_iterator('main') is it
    assert evaluator.get_all_iterators() == {'main': it}
    assert evaluator.get_target('main') is target
    assert evaluator.get_all_targets() == {'main': target}
    log = []
    it.finalize = lambda: log.append(1)
    evaluator.finalize()
    assert log == [1]
