import numpy
import pytest

import chainer
from chainer import functions
from chainer import gradient_check
from chainer import links
from chainer import testing


def test_forward_matches_reference(ref_conv):
    link = links.MLPConvolution2D(2, (4, 3, 2), 3, stride=1, pad=1,
                                  bias_init=chainer.initializers.Uniform(1))
    assert len(link) == 3
    x = numpy.random.uniform(-1, 1, (2, 2, 4, 4)).astype('f')
    h = numpy.maximum(ref_conv(x, link[0].W.array, link[0].b.array, 1, 1),
                      0)
    h = numpy.maximum(ref_conv(h, link[1].W.array, link[1].b.array), 0)
    h = ref_conv(h, link[2].W.array, link[2].b.array)
    testing.assert_allclose(h, link(x).array, atol=1e-5, rtol=1e-4)


def test_structure():
    link = links.MLPConvolution2D(3, (5, 6), (2, 3))
    assert link[0].W.shape == (5, 3, 2, 3)
    assert link[1].W.shape == (6, 5, 1, 1)
    assert link.activation is functions.relu


def test_lazy_shorthand():
    link = links.MLPConvolution2D((4, 2), 3, activation=functions.tanh)
    assert link[0].W.array is None
    y = link(numpy.zeros((1, 3, 5, 5), 'f'))
    assert link[0].W.shape == (4, 3, 3, 3)
    assert y.shape == (1, 2, 3, 3)


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.MLPConvolution2D(2, (2, 2), 2,
                                      activation=functions.tanh)
    x = numpy.random.uniform(-1, 1, (1, 2, 3, 3))
    gy = numpy.random.uniform(-1, 1, (1, 2, 2, 2))
    params = tuple(p for _, p in sorted(link.namedparams()))
    gradient_check.check_backward(link, x, gy, params, atol=1e-6,
                                  rtol=1e-5)


def test_bad_arguments():
    with pytest.raises(ValueError):
        links.MLPConvolution2D(2, (), 3)
    with pytest.raises(ValueError, match='wscale'):
        links.MLPConvolution2D(2, (1,), 3, wscale=1)


def test_serialize_keys(save_load):
    src = links.MLPConvolution2D(2, (2, 2), 1)
    dst = links.MLPConvolution2D(2, (2, 2), 1)
    assert sorted(save_load(src, dst)) == ['0/W', '0/b', '1/W', '1/b']
    numpy.testing.assert_array_equal(dst[1].W.array, src[1].W.array)


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.mlp_convolution_2d')
