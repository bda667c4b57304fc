import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import initializers
from chainer import links
from chainer import testing


def test_structure():
    link = links.DeformableConvolution2D(3, 4, (2, 3), stride=2, pad=1)
    assert isinstance(link.offset_conv, links.Convolution2D)
    assert link.offset_conv.W.shape == (12, 3, 2, 3)
    assert link.deform_conv.W.shape == (4, 3, 2, 3)
    assert link.deform_conv.b.shape == (4,)
    # Zero offsets at first: the layer starts as a plain convolution.
    numpy.testing.assert_array_equal(link.offset_conv.W.array, 0)
    names = sorted(n for n, _ in link.namedparams())
    assert names == ['/deform_conv/W', '/deform_conv/b', '/offset_conv/W',
                     '/offset_conv/b']


@pytest.mark.parametrize('stride,pad', [(1, 0), (2, 1)])
def test_zero_offset_is_convolution(ref_conv, stride, pad):
    link = links.DeformableConvolution2D(
        2, 3, 3, stride=stride, pad=pad,
        deform_initial_bias=initializers.Uniform(1))
    x = numpy.random.uniform(-1, 1, (2, 2, 5, 6)).astype('f')
    expected = ref_conv(x, link.deform_conv.W.array,
                        link.deform_conv.b.array, stride, pad)
    testing.assert_allclose(expected, link(x).array, atol=1e-5, rtol=1e-4)


def test_integer_offset_shifts_the_input(ref_conv):
    link = links.DeformableConvolution2D(1, 2, 2, deform_nobias=True)
    # Offset channels: k_h * k_w x-offsets, then as many y-offsets.
    link.offset_conv.b.array[:4] = 1
    x = numpy.random.uniform(-1, 1, (1, 1, 4, 5)).astype('f')
    shifted = numpy.zeros_like(x)
    shifted[..., :-1] = x[..., 1:]
    expected = ref_conv(shifted, link.deform_conv.W.array)
    testing.assert_allclose(expected, link(x).array, atol=1e-5, rtol=1e-4)


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.DeformableConvolution2D(
            2, 2, 2, offset_initialW=initializers.Uniform(0.1),
            offset_initial_bias=initializers.Uniform(0.3))
    x = numpy.random.uniform(-1, 1, (1, 2, 4, 4))
    gy = numpy.random.uniform(-1, 1, link(x).shape)
    params = tuple(p for _, p in sorted(link.namedparams()))
    gradient_check.check_backward(link, x, gy, params, atol=1e-4,
                                  rtol=1e-3)


def test_lazy_in_channels():
    link = links.DeformableConvolution2D(None, 2, 3)
    link(numpy.zeros((1, 4, 5, 5), 'f'))
    assert link.deform_conv.W.shape == (2, 4, 3, 3)
    assert link.offset_conv.W.shape == (18, 4, 3, 3)


def test_serialize_round_trip(save_load):
    src = links.DeformableConvolution2D(2, 3, 2)
    dst = links.DeformableConvolution2D(2, 3, 2)
    entries = save_load(src, dst)
    assert sorted(entries) == ['deform_conv/W', 'deform_conv/b',
                               'offset_conv/W', 'offset_conv/b']
    numpy.testing.assert_array_equal(dst.deform_conv.W.array,
                                     src.deform_conv.W.array)
