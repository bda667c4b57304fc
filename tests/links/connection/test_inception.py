import numpy

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import links
from chainer import testing


def _max_pool_3x3_same(x):
    padded = numpy.pad(x, [(0, 0), (0, 0), (1, 1), (1, 1)],
                       constant_values=-numpy.inf)
    h, w = x.shape[2:]
    return numpy.max([padded[:, :, i:i + h, j:j + w]
                      for i in range(3) for j in range(3)], axis=0)


def test_forward_matches_reference(ref_conv):
    link = links.Inception(3, 2, 2, 3, 1, 2, 2,
                           bias_init=chainer.initializers.Uniform(1))
    x = numpy.random.uniform(-1, 1, (2, 3, 5, 4)).astype('f')
    y = link(x)
    assert y.shape == (2, 2 + 3 + 2 + 2, 5, 4)

    def conv(name, h, pad=0):
        c = getattr(link, name)
        return ref_conv(h, c.W.array, c.b.array, 1, pad)

    relu = lambda a: numpy.maximum(a, 0)  # NOQA
    out1 = conv('conv1', x)
    out3 = conv('conv3', relu(conv('proj3', x)), 1)
    out5 = conv('conv5', relu(conv('proj5', x)), 2)
    pool = conv('projp', _max_pool_3x3_same(x))
    expected = relu(numpy.concatenate([out1, out3, out5, pool], axis=1))
    testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)


def test_structure():
    link = links.Inception(3, 2, 4, 5, 6, 7, 8)
    assert link.conv1.W.shape == (2, 3, 1, 1)
    assert link.proj3.W.shape == (4, 3, 1, 1)
    assert link.conv3.W.shape == (5, 4, 3, 3)
    assert link.proj5.W.shape == (6, 3, 1, 1)
    assert link.conv5.W.shape == (7, 6, 5, 5)
    assert link.projp.W.shape == (8, 3, 1, 1)


def test_initializers_and_lazy_input():
    link = links.Inception(None, 1, 1, 1, 1, 1, 1, conv_init=0.5,
                           bias_init=0.25)
    link(numpy.zeros((1, 2, 3, 3), 'f'))
    for _, p in link.namedparams():
        expected = 0.5 if p.name == 'W' else 0.25
        numpy.testing.assert_array_equal(p.array, expected)


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.Inception(2, 1, 1, 1, 1, 1, 1,
                               bias_init=chainer.initializers.Uniform(1))
    x = numpy.random.uniform(-1, 1, (1, 2, 3, 3))
    # Move the input apart so that max pooling has no ties.
    x += numpy.arange(x.size).reshape(x.shape) * 0.05
    gy = numpy.random.uniform(-1, 1, (1, 4, 3, 3))
    params = tuple(p for _, p in sorted(link.namedparams()))
    gradient_check.check_backward(
        link, x, gy, params, atol=1e-4, rtol=1e-3, eps=1e-4)


def test_serialize_keys(save_load):
    src = links.Inception(2, 1, 1, 1, 1, 1, 1)
    dst = links.Inception(2, 1, 1, 1, 1, 1, 1)
    keys = sorted(save_load(src, dst))
    assert keys == sorted('%s/%s' % (c, p) for c in (
        'conv1', 'proj3', 'conv3', 'proj5', 'conv5', 'projp')
        for p in ('W', 'b'))


def test_relu_output():
    link = links.Inception(2, 1, 1, 1, 1, 1, 1)
    y = link(numpy.random.uniform(-1, 1, (2, 2, 3, 3)).astype('f'))
    assert (y.array >= 0).all()
    assert functions.relu(y).array.shape == y.shape
