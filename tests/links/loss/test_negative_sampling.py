import numpy
import pytest

import chainer
from chainer import links
from chainer import testing


def _log_sigmoid(x):
    return -numpy.logaddexp(0, -x)


def _ref_loss(W, x, t, samples):
    losses = []
    for i in range(len(x)):
        if t[i] == -1:
            losses.append(0.)
            continue
        w = W[samples[i]] @ x[i]
        losses.append(-_log_sigmoid(w[0]) - _log_sigmoid(-w[1:]).sum())
    return numpy.array(losses)


@pytest.mark.parametrize('reduce', ['sum', 'no'])
def test_forward_matches_reference(reduce):
    link = links.NegativeSampling(3, [1, 2, 3, 4], 2)
    link.W.array[...] = numpy.random.uniform(-1, 1, (4, 3))
    x = numpy.random.uniform(-1, 1, (5, 3)).astype('f')
    t = numpy.array([0, 3, -1, 2, 1], numpy.int32)
    loss, samples = link(x, t, reduce=reduce, return_samples=True)
    assert samples.shape == (5, 3)
    numpy.testing.assert_array_equal(samples[t != -1, 0], t[t != -1])
    expected = _ref_loss(link.W.array, x, t, samples)
    if reduce == 'sum':
        expected = expected.sum()
    testing.assert_allclose(expected, loss.array, atol=1e-5, rtol=1e-4)


def test_initialization_and_sampler():
    link = links.NegativeSampling(3, [0, 1, 0, 8], 5, power=0.5)
    numpy.testing.assert_array_equal(link.W.array, numpy.zeros((4, 3)))
    assert link.W.dtype == numpy.float32
    assert link.sample_size == 5
    drawn = link.sampler.sample((2000,))
    assert set(numpy.unique(drawn)) == {1, 3}
    # p ~ counts ** 0.5: words 1 and 3 in ratio 1 : sqrt(8).
    ratio = (drawn == 3).mean() / (drawn == 1).mean()
    assert abs(ratio - numpy.sqrt(8)) < 0.4


def test_dtype():
    link = links.NegativeSampling(2, [1, 1], 1, dtype=numpy.float64)
    assert link.W.dtype == numpy.float64


def test_gradient_reaches_w():
    link = links.NegativeSampling(2, [1, 1, 1], 1)
    link.cleargrads()
    x = numpy.ones((2, 2), 'f')
    link(x, numpy.array([0, 1], numpy.int32)).backward()
    assert link.W.grad is not None
    assert numpy.abs(link.W.grad[:2]).sum() > 0


def test_bad_kwargs():
    link = links.NegativeSampling(2, [1, 1], 1)
    with pytest.raises(TypeError):
        link(numpy.ones((1, 2), 'f'), numpy.zeros(1, numpy.int32), foo=1)


def test_serialize_keys(save_load):
    src = links.NegativeSampling(2, [1, 2], 1)
    dst = links.NegativeSampling(2, [1, 2], 1)
    assert list(save_load(src, dst)) == ['W']


def test_doctests(run_doctests):
    run_doctests('chainer.links.loss.negative_sampling')


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float64])
def test_sampler_table_uses_the_link_dtype(dtype):
    counts = [3, 1, 7, 2, 5]
    link = links.NegativeSampling(2, counts, 2, power=0.6, dtype=dtype)
    expect = numpy.power(numpy.array(counts, dtype), dtype(0.6))
    reference = chainer.utils.WalkerAlias(expect)
    numpy.testing.assert_array_equal(reference.threshold,
                                     link.sampler.threshold)
    numpy.testing.assert_array_equal(reference.values, link.sampler.values)
