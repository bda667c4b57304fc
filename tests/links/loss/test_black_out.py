import numpy

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


def _ref_loss(W, x, t, samples):
    losses = []
    for i in range(len(x)):
        p = numpy.exp(W[t[i]] @ x[i])
        q = numpy.exp(W[samples[i]] @ x[i])
        z = p + q.sum()
        losses.append(-numpy.log(p / z) - numpy.log(1 - q / z).sum())
    return numpy.mean(losses)


def _fill(link):
    link.W.array[...] = numpy.random.uniform(-1, 1, link.W.shape)
    return link


def test_w_starts_nan_without_drawing_randoms():
    # v5 builds W as Parameter(shape=...): NaN, and numpy's random stream
    # is left untouched for the links created after it.
    numpy.random.seed(5)
    link = links.BlackOut(3, [1, 2, 3, 4, 5], 3)
    after = numpy.random.uniform()
    numpy.random.seed(5)
    assert after == numpy.random.uniform()
    assert link.W.shape == (5, 3)
    assert link.W.dtype == numpy.float32
    assert numpy.isnan(link.W.array).all()


def test_forward_matches_reference():
    link = _fill(links.BlackOut(3, [1, 2, 3, 4, 5], 3))
    x = numpy.random.uniform(-1, 1, (4, 3)).astype('f')
    t = numpy.array([0, 4, 2, 1], numpy.int32)
    link.sample_data = numpy.random.randint(0, 5, (4, 3)).astype(numpy.int32)
    loss = link(x, t)
    testing.assert_allclose(
        _ref_loss(link.W.array.astype(numpy.float64), x, t,
                  link.sample_data), loss.array, atol=1e-5, rtol=1e-4)


def test_drawn_samples_follow_counts():
    link = _fill(links.BlackOut(2, [0, 3, 0, 1], 50))
    drawn = link.sampler.sample((100, 50))
    assert set(numpy.unique(drawn)) == {1, 3}
    assert abs((drawn == 1).mean() - 0.75) < 0.05
    loss = link(numpy.ones((100, 2), 'f'), numpy.ones(100, numpy.int32))
    assert loss.shape == ()


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = _fill(links.BlackOut(2, [1, 1, 1], 2))
    link.sample_data = numpy.array([[1, 2], [0, 2]], numpy.int32)
    x = numpy.random.uniform(-1, 1, (2, 2))
    t = numpy.array([0, 1], numpy.int32)
    gradient_check.check_backward(
        lambda x: link(x, t), x, None, link.W, atol=1e-6, rtol=1e-5)


def test_serialize_keys(save_load):
    src = _fill(links.BlackOut(2, [1, 2], 1))
    dst = links.BlackOut(2, [1, 2], 1)
    assert list(save_load(src, dst)) == ['W']
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)
