"""A model shared by the data-parallel updater tests."""
import numpy
import pytest

import chainer


class _Quadratic(chainer.Link):

    """Loss sum((x - w) ** 2) over the batch: its gradient is known."""

    def __init__(self):
        super(_Quadratic, self).__init__()
        with self.init_scope():
            self.w = chainer.Parameter(numpy.zeros(2, numpy.float32))

    def forward(self, x):
        diff = x - chainer.functions.broadcast_to(self.w, x.shape)
        loss = chainer.functions.sum(diff * diff)
        # A no-op without a current reporter; the updaters must allow it.
        chainer.report({'loss': loss}, self)
        return loss


@pytest.fixture
def make_quadratic():
    """Returns a factory of the 2-parameter quadratic-loss link, whose
    gradient on a batch ``x`` is ``-2 * sum(x - w)``."""
    return _Quadratic
