import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


def _reference(x, t, W, samples):
    losses = []
    for i in range(len(x)):
        pos = W[t[i]].dot(x[i])
        neg = W[samples[i]].dot(x[i])
        z = numpy.exp(pos) + numpy.exp(neg).sum()
        losses.append(-(pos - numpy.log(z))
                      - numpy.log(1 - numpy.exp(neg) / z).sum())
    return numpy.array(losses)


@pytest.mark.parametrize('reduce', ['mean', 'no'])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_forward(reduce, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (4, 3)).astype(dtype)
    W = rng.uniform(-1, 1, (6, 3)).astype(dtype)
    t = rng.randint(0, 6, 4).astype(numpy.int32)
    samples = rng.randint(0, 6, (4, 2)).astype(numpy.int32)
    loss = functions.black_out(x, t, W, samples, reduce=reduce)
    expected = _reference(x.astype(numpy.float64), t, W, samples)
    if reduce == 'mean':
        expected = expected.mean()
    assert loss.dtype == dtype
    testing.assert_allclose(expected, loss.array, rtol=1e-5)


def test_backward():
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (3, 2))
    W = rng.uniform(-1, 1, (5, 2))
    t = numpy.array([0, 3, 4], numpy.int32)
    samples = numpy.array([[1, 2], [2, 2], [0, 1]], numpy.int32)
    gradient_check.check_backward(
        lambda x, W: functions.black_out(x, t, W, samples), (x, W),
        numpy.array(0.7), dtype=numpy.float64)


def test_errors():
    x = numpy.zeros((2, 3), numpy.float32)
    W = numpy.zeros((4, 3), numpy.float32)
    t = numpy.zeros(2, numpy.int32)
    s = numpy.zeros((2, 2), numpy.int32)
    with pytest.raises(ValueError):
        functions.black_out(x, t, W, s, reduce='sum')
    # Shape and dtype errors are InvalidType, as from v5's inner functions.
    with pytest.raises(type_check.InvalidType):
        functions.black_out(x, t, numpy.zeros((4, 2), numpy.float32), s)
    with pytest.raises(type_check.InvalidType):
        functions.black_out(x, t, W, numpy.zeros((3, 2), numpy.int32))
    with pytest.raises(type_check.InvalidType):
        functions.black_out(x, t, W.astype(numpy.float64), s)
    with pytest.raises(type_check.InvalidType):
        functions.black_out(x, t.astype(numpy.float32), W, s)
