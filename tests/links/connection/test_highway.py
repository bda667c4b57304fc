import numpy

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import initializers
from chainer import links
from chainer import testing


def test_forward_matches_reference(ref_sigmoid):
    link = links.Highway(3, init_bh=initializers.Uniform(1))
    x = numpy.random.uniform(-1, 1, (4, 3)).astype('f')
    h = x @ link.plain.W.array.T + link.plain.b.array
    t = ref_sigmoid(x @ link.transform.W.array.T + link.transform.b.array)
    expected = numpy.maximum(h, 0) * t + x * (1 - t)
    testing.assert_allclose(expected, link(x).array, atol=1e-6, rtol=1e-5)


def test_structure_and_defaults():
    link = links.Highway(3)
    numpy.testing.assert_array_equal(link.transform.b.array, -1)
    numpy.testing.assert_array_equal(link.plain.b.array, 0)
    assert link.activate is functions.relu
    nobias = links.Highway(3, nobias=True)
    assert nobias.plain.b is None and nobias.transform.b is None


def test_custom_activation(ref_sigmoid):
    link = links.Highway(2, activate=functions.tanh, nobias=True)
    x = numpy.random.uniform(-1, 1, (3, 2)).astype('f')
    h = numpy.tanh(x @ link.plain.W.array.T)
    t = ref_sigmoid(x @ link.transform.W.array.T)
    testing.assert_allclose(h * t + x * (1 - t), link(x).array, atol=1e-6,
                            rtol=1e-5)


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.Highway(3, activate=functions.tanh)
    x = numpy.random.uniform(-1, 1, (2, 3))
    gy = numpy.random.uniform(-1, 1, (2, 3))
    params = tuple(p for _, p in sorted(link.namedparams()))
    gradient_check.check_backward(link, x, gy, params, atol=1e-6,
                                  rtol=1e-5)


def test_serialize_round_trip(save_load):
    src = links.Highway(3)
    dst = links.Highway(3)
    assert sorted(save_load(src, dst)) == [
        'plain/W', 'plain/b', 'transform/W', 'transform/b']
    numpy.testing.assert_array_equal(dst.plain.W.array, src.plain.W.array)
