"""The cuDNN path of dropout, taken under ``use_cudnn='always'`` only (as
in v5).  On CPU ``fake_cudnn`` and a numpy stand-in of
``cupy.cudnn.DropoutStates`` run the glue; the ``cudnn``-marked test runs
real cuDNN."""
import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions as F
from chainer import testing
from chainer.testing import attr


class _FakeDropoutStates(object):
    """cuDNN's dropout contract: forward gives (reserve, x * mask / (1 -
    ratio)); backward applies the mask kept in the reserve space."""

    def __init__(self):
        self.calls = []
        self._rng = numpy.random.RandomState(7)

    def forward(self, handle, x, ratio):
        self.calls.append('forward')
        assert x.flags.c_contiguous
        keep = self._rng.uniform(size=x.shape) >= ratio
        return keep, (x * keep / (1 - ratio)).astype(x.dtype)

    def backward(self, handle, dy, ratio, reserve):
        self.calls.append('backward')
        assert dy.flags.c_contiguous and reserve.shape == dy.shape
        return (dy * reserve / (1 - ratio)).astype(dy.dtype)


@pytest.fixture
def states(fake_cudnn, monkeypatch):
    fake_states = _FakeDropoutStates()
    monkeypatch.setattr(cuda, 'get_cudnn_dropout_states',
                        lambda: fake_states)
    return fake_states


def _mask_of(x, y, ratio):
    # The scaled mask that turned x (nonzero) into y.
    return y / x


def test_always_uses_cudnn_and_backward_reuses_its_mask(states):
    rng = numpy.random.RandomState(0)
    x = chainer.Variable(rng.uniform(0.5, 1, (4, 5)))
    gy = rng.uniform(-1, 1, (4, 5))
    with chainer.using_config('use_cudnn', 'always'):
        y = F.dropout(x, 0.4)
        gx, = chainer.grad([y], [x], [chainer.Variable(gy)],
                           enable_double_backprop=True)
        ggy, = chainer.grad([F.sum(gx * gx)], [x])
    mask = _mask_of(x.array, y.array, 0.4)
    assert set(numpy.round(numpy.unique(mask), 6)) <= {0.0, round(1 / .6, 6)}
    testing.assert_allclose(gy * mask, gx.array)
    # gx does not depend on x.
    assert ggy is None
    assert states.calls == ['forward', 'backward']


def test_double_backward_applies_the_mask_again(states):
    x = chainer.Variable(numpy.linspace(1, 2, 12).reshape(3, 4))
    with chainer.using_config('use_cudnn', 'always'):
        y = F.dropout(x, 0.5)
        g = chainer.Variable(numpy.ones((3, 4)))
        gx, = chainer.grad([y], [x], [g], enable_double_backprop=True)
        gg, = chainer.grad([F.sum(gx * gx)], [g])
    mask = _mask_of(x.array, y.array, 0.5)
    testing.assert_allclose(2 * mask * mask, gg.array)
    assert states.calls == ['forward', 'backward', 'backward']


@pytest.mark.parametrize('case', ['auto', 'return_mask', 'given_mask',
                                  'test_mode'])
def test_other_cases_use_the_kernel_mask(states, case):
    x = numpy.ones((3, 4), numpy.float32)
    config = 'auto' if case == 'auto' else 'always'
    with chainer.using_config('use_cudnn', config), \
            chainer.using_config('train', case != 'test_mode'):
        if case == 'return_mask':
            y, mask = F.dropout(x, 0.5, return_mask=True)
            testing.assert_allclose(mask, y.array)
        elif case == 'given_mask':
            mask = numpy.full((3, 4), 2, numpy.float32)
            y = F.dropout(x, 0.5, mask=mask)
            testing.assert_allclose(mask, y.array)
        else:
            F.dropout(x, 0.5)
    assert states.calls == []


@attr.cudnn
def test_cudnn_dropout_on_gpu():
    x = chainer.Variable(cuda.cupy.linspace(1, 2, 200, dtype='f'))
    with chainer.using_config('use_cudnn', 'always'):
        y = F.dropout(x, 0.3)
        y.grad = cuda.cupy.ones_like(y.array)
        y.backward()
    mask = cuda.to_cpu(y.array / x.array)
    kept = mask != 0
    testing.assert_allclose(mask[kept], numpy.full(kept.sum(), 1 / .7),
                            rtol=1e-5)
    assert 0 < kept.sum() < 200
    testing.assert_allclose(cuda.to_cpu(x.grad), mask, rtol=1e-5)
