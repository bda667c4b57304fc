import numpy
import pytest

import chainer
from chainer import links
from chainer import testing


def test_test_mode_is_linear():
    link = links.SimplifiedDropconnect(3, 2, ratio=0.5)
    link.b.array[...] = [1, -1]
    x = numpy.random.uniform(-1, 1, (4, 3)).astype('f')
    y = link(x, train=False)
    testing.assert_allclose(x @ link.W.array.T + link.b.array, y.array,
                            atol=1e-6, rtol=1e-5)


@pytest.mark.parametrize('batchwise', [True, False])
def test_given_mask(batchwise):
    link = links.SimplifiedDropconnect(3, 2, ratio=0.5)
    x = numpy.random.uniform(-1, 1, (4, 3)).astype('f')
    shape = (4, 2, 3) if batchwise else (2, 3)
    mask = numpy.random.rand(*shape) > 0.5
    y = link(x, mask=mask, use_batchwise_mask=batchwise)
    W = link.W.array * mask / 0.5
    if batchwise:
        expected = numpy.einsum('boi,bi->bo', W, x)
    else:
        expected = x @ W.T
    testing.assert_allclose(expected + link.b.array, y.array, atol=1e-5,
                            rtol=1e-4)
    assert link.mask is mask


def test_random_mask_drops_weights():
    link = links.SimplifiedDropconnect(50, 1, ratio=0.5, nobias=True)
    link.W.array[...] = 1
    y = link(numpy.ones((200, 50), 'f'))
    # Each output is 2 * (number of kept weights), about 50 on average.
    assert 40 < float(y.array.mean()) < 60
    assert float(y.array.std()) > 1


def test_lazy_and_attributes():
    link = links.SimplifiedDropconnect(2, ratio=0.3)
    assert link.W.array is None
    assert link.ratio == 0.3
    link(numpy.zeros((1, 2, 3), 'f'), train=False)
    assert link.W.shape == (2, 6)
    assert link.b.shape == (2,)
    assert links.SimplifiedDropconnect(2, 3, nobias=True).b is None


def test_backward_reaches_parameters():
    link = links.SimplifiedDropconnect(3, 2)
    link.cleargrads()
    mask = numpy.ones((2, 2, 3), bool)
    y = link(numpy.ones((2, 3), 'f'), mask=mask)
    chainer.functions.sum(y).backward()
    testing.assert_allclose(link.W.grad, numpy.full((2, 3), 4.0))
    testing.assert_allclose(link.b.grad, [2, 2])


def test_serialize_keys(save_load):
    src = links.SimplifiedDropconnect(3, 2)
    dst = links.SimplifiedDropconnect(None, 2)
    assert sorted(save_load(src, dst)) == ['W', 'b']
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)


def test_v5_default_initializer():
    # v5 draws W with HeNormal(1 / sqrt(2)): standard deviation
    # sqrt(1 / in_size), the scale computed as (1 / sqrt(2)) * sqrt(2 / n).
    lazy = links.SimplifiedDropconnect(None, 4)
    init = lazy.W.initializer
    assert isinstance(init, chainer.initializers.HeNormal)
    assert init.scale == 1. / numpy.sqrt(2)
    numpy.random.seed(7)
    link = links.SimplifiedDropconnect(6, 4)
    numpy.random.seed(7)
    std = (1. / numpy.sqrt(2)) * numpy.sqrt(2. / 6)
    expected = numpy.random.normal(0, std, (4, 6)).astype(numpy.float32)
    numpy.testing.assert_array_equal(link.W.array, expected)
    numpy.testing.assert_array_equal(link.b.array, 0)
