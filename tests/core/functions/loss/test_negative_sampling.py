import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


class _Sampler(object):

    def __init__(self, vocab):
        self.rng = numpy.random.RandomState(5)
        self.vocab = vocab

    def __call__(self, shape):
        return self.rng.randint(0, self.vocab, shape).astype(numpy.int32)


def _reference(x, t, W, samples):
    loss = numpy.zeros(len(x))
    sig = lambda v: 1 / (1 + numpy.exp(-v))  # NOQA
    for i in range(len(x)):
        if t[i] == -1:
            continue
        loss[i] = -numpy.log(sig(W[t[i]].dot(x[i])))
        for s in samples[i, 1:]:
            loss[i] -= numpy.log(sig(-W[s].dot(x[i])))
    return loss


@pytest.mark.parametrize('reduce', ['sum', 'no'])
@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_forward(reduce, dtype):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (4, 3)).astype(dtype)
    W = rng.uniform(-1, 1, (6, 3)).astype(dtype)
    t = numpy.array([0, 5, -1, 2], numpy.int32)
    loss, samples = functions.negative_sampling(
        x, t, W, _Sampler(6), 3, reduce=reduce, return_samples=True)
    assert samples.shape == (4, 4)
    assert numpy.array_equal(samples[:, 0], t)
    expected = _reference(x.astype(numpy.float64), t, W, samples)
    if reduce == 'sum':
        expected = expected.sum()
    assert loss.dtype == dtype
    testing.assert_allclose(expected, loss.array, rtol=1e-5)


@pytest.mark.parametrize('reduce', ['sum', 'no'])
def test_backward(reduce):
    rng = numpy.random.RandomState(1)
    x = rng.uniform(-1, 1, (3, 2))
    W = rng.uniform(-1, 1, (5, 2))
    t = numpy.array([1, -1, 4], numpy.int32)
    gy = rng.uniform(-1, 1, () if reduce == 'sum' else (3,))

    def f(x, W):
        # A fresh sampler with a fixed seed gives the same samples.
        return functions.negative_sampling(x, t, W, _Sampler(5), 2,
                                           reduce=reduce)
    gradient_check.check_backward(f, (x, W), gy, dtype=numpy.float64)


def test_ignored_row_has_no_gradient():
    x = chainer.Variable(numpy.ones((2, 2), numpy.float32))
    W = numpy.ones((3, 2), numpy.float32)
    t = numpy.array([-1, 1], numpy.int32)
    functions.negative_sampling(x, t, W, _Sampler(3), 2).backward()
    assert numpy.all(x.grad[0] == 0) and numpy.any(x.grad[1] != 0)


def test_errors():
    x = numpy.zeros((2, 3), numpy.float32)
    W = numpy.zeros((4, 3), numpy.float32)
    t = numpy.zeros(2, numpy.int32)
    with pytest.raises(ValueError, match="only 'sum' and 'no'"):
        functions.negative_sampling(x, t, W, _Sampler(4), 1, reduce='mean')
    # v5 checks the inputs with type_check.
    with pytest.raises(type_check.InvalidType):
        functions.negative_sampling(x, numpy.zeros(3, numpy.int32), W,
                                    _Sampler(4), 1)
    with pytest.raises(type_check.InvalidType):
        functions.negative_sampling(x, t.astype(numpy.float32), W,
                                    _Sampler(4), 1)
    with pytest.raises(type_check.InvalidType):
        functions.negative_sampling(x, t, W.astype(numpy.float64),
                                    _Sampler(4), 1)
    with pytest.raises(TypeError):
        functions.negative_sampling(x, t, W, _Sampler(4), 1, foo=1)


def test_samples_keep_the_sampler_dtype():
    # v5 returns the sampler's array with the targets in column 0.
    x = numpy.zeros((2, 3), numpy.float32)
    W = numpy.zeros((4, 3), numpy.float32)
    t = numpy.array([3, -1], numpy.int32)

    def sampler(shape):
        return numpy.ones(shape, numpy.int64)
    _, samples = functions.negative_sampling(x, t, W, sampler, 2,
                                             return_samples=True)
    assert samples.dtype == numpy.int64
    assert samples.tolist() == [[3, 1, 1], [-1, 1, 1]]
