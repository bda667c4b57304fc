import numpy

import chainer
from chainer.training import extensions


def test_unchains_reported_variables():
    x = chainer.Variable(numpy.ones(2, 'f'))
    y = x * 3
    assert y.creator is not None

    class Trainer(object):
        observation = {'y': y, 'number': 1.0}
    extensions.unchain_variables(Trainer())
    assert y.creator is None
    assert extensions.unchain_variables.priority < \
        chainer.training.PRIORITY_READER
