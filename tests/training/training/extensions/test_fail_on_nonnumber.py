import numpy
import pytest

import chainer
from chainer import optimizers
from chainer import testing
from chainer.training import extensions


def _trainer(value):
    link = chainer.Link()
    with link.init_scope():
        link.w = chainer.Parameter(numpy.array([1.0, value], 'f'))
        link.lazy = chainer.Parameter()  # uninitialized: skipped
    trainer = testing.get_trainer_with_mock_updater()
    trainer.updater.get_all_optimizers = lambda: {
        'main': optimizers.SGD().setup(link)}
    return trainer


def test_finite_passes():
    extensions.FailOnNonNumber()(_trainer(2.0))


@pytest.mark.parametrize('value', [numpy.nan, numpy.inf, -numpy.inf])
def test_non_finite_raises(value):
    with pytest.raises(RuntimeError, match="optimizer 'main' diverge"):
        extensions.FailOnNonNumber()(_trainer(value))
