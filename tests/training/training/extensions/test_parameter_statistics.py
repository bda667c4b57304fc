import numpy
import pytest

import chainer
from chainer import reporter
from chainer import testing
from chainer.training import extensions


def _link():
    link = chainer.Link()
    with link.init_scope():
        link.W = chainer.Parameter(
            numpy.array([[0., 1.], [2., 5.]], numpy.float32))
    link.W.grad = numpy.array([[1., 1.], [1., 1.]], numpy.float32)
    return link


def _observe(ext, n=1):
    trainer = testing.get_trainer_with_mock_updater(iter_per_epoch=n)
    rep = reporter.Reporter()
    observation = {}
    with rep.scope(observation):
        for _ in range(n):
            trainer.updater.update()
            ext(trainer)
    return observation


def test_default_statistics():
    link = _link()
    ext = extensions.ParameterStatistics(link)
    obs = _observe(ext)
    values = link.W.array.ravel()
    assert obs['None/W/data/mean'] == pytest.approx(2.0)
    assert obs['None/W/data/std'] == pytest.approx(values.std())
    assert obs['None/W/data/min'] == 0 and obs['None/W/data/max'] == 5
    assert obs['None/W/data/zeros'] == 1
    assert obs['None/W/grad/std'] == 0
    expected = numpy.percentile(values, (0.13, 2.28, 15.87, 50, 84.13,
                                         97.72, 99.87))
    for i, v in enumerate(expected):
        assert obs['None/W/data/percentile/%d' % i] == pytest.approx(v)
    assert len(obs) == 2 * 12


def test_custom_options_and_prefix():
    link = _link()
    link.name = 'net'
    ext = extensions.ParameterStatistics(
        [link], statistics={'sum': numpy.sum}, report_grads=False,
        prefix='stats', trigger=(2, 'iteration'))
    ext.register_statistics('first', lambda x: x[0])
    obs = _observe(ext, n=2)
    assert obs == {'stats/net/W/data/sum': pytest.approx(8.0),
                   'stats/net/W/data/first': pytest.approx(0.0)}
    # The class default is not changed by register_statistics.
    assert 'first' not in extensions.ParameterStatistics.default_statistics


def test_skip_nan_params():
    link = _link()
    link.W.array[0, 0] = numpy.nan
    ext = extensions.ParameterStatistics(link, skip_nan_params=True,
                                         report_grads=False)
    obs = _observe(ext)
    assert numpy.isnan(obs['None/W/data/mean'])
