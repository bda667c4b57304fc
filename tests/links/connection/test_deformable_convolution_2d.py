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
    names = sorted(n for n, _ in link.namedparams())
    assert names == ['/deform_conv/W', '/deform_conv/b', '/offset_conv/W',
                     '/offset_conv/b']


@pytest.mark.parametrize('stride,pad', [(1, 0), (2, 1)])
def test_zero_offset_is_convolution(ref_conv, stride, pad):
    link = links.DeformableConvolution2D(
        2, 3, 3, stride=stride, pad=pad, offset_initialW=0,
        deform_initialW=initializers.Uniform(1),
        deform_initial_bias=initializers.Uniform(1))
    x = numpy.random.uniform(-1, 1, (2, 2, 5, 6)).astype('f')
    expected = ref_conv(x, link.deform_conv.W.array,
                        link.deform_conv.b.array, stride, pad)
    testing.assert_allclose(expected, link(x).array, atol=1e-5, rtol=1e-4)


def test_integer_offset_shifts_the_input(ref_conv):
    link = links.DeformableConvolution2D(
        1, 2, 2, offset_initialW=0, deform_nobias=True,
        deform_initialW=initializers.Uniform(1))
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
    # v5 shapes the sampler's bias with its filter, on the first input.
    assert link.deform_conv.b.array is None
    link(numpy.zeros((1, 4, 5, 5), 'f'))
    assert link.deform_conv.W.shape == (2, 4, 3, 3)
    assert link.deform_conv.b.shape == (2,)
    assert link.offset_conv.W.shape == (18, 4, 3, 3)


def test_v5_default_initializers():
    # v5: offset_conv is a plain Convolution2D (LeCunNormal filter, zero
    # bias) built first; the sampler's filter and bias start at zero.
    numpy.random.seed(3)
    link = links.DeformableConvolution2D(3, 4, (2, 3))
    numpy.random.seed(3)
    fan_in = 3 * 2 * 3
    expected = numpy.random.normal(0, numpy.sqrt(1. / fan_in), (12, 3, 2, 3))
    testing.assert_allclose(link.offset_conv.W.array,
                            expected.astype(numpy.float32))
    numpy.testing.assert_array_equal(link.offset_conv.b.array, 0)
    numpy.testing.assert_array_equal(link.deform_conv.W.array, 0)
    numpy.testing.assert_array_equal(link.deform_conv.b.array, 0)
    assert link.deform_conv.W.dtype == numpy.float32


def test_load_v5_snapshot(tmp_path, ref_conv):
    # A hand-built npz with v5's keys: zero offset filter and an offset
    # bias of 1 on the x-offsets shifts every tap one pixel right.
    rng = numpy.random.RandomState(1)
    W = rng.uniform(-1, 1, (2, 1, 2, 2)).astype('f')
    b = rng.uniform(-1, 1, 2).astype('f')
    off_b = numpy.zeros(8, 'f')
    off_b[:4] = 1
    path = str(tmp_path / 'v5.npz')
    numpy.savez(path, **{'deform_conv/W': W, 'deform_conv/b': b,
                         'offset_conv/W': numpy.zeros((8, 1, 2, 2), 'f'),
                         'offset_conv/b': off_b})
    link = links.DeformableConvolution2D(None, 2, 2)
    chainer.serializers.load_npz(path, link)
    x = rng.uniform(-1, 1, (1, 1, 4, 5)).astype('f')
    shifted = numpy.zeros_like(x)
    shifted[..., :-1] = x[..., 1:]
    testing.assert_allclose(ref_conv(shifted, W, b), link(x).array,
                            atol=1e-5, rtol=1e-4)


def test_serialize_round_trip(save_load):
    src = links.DeformableConvolution2D(2, 3, 2)
    dst = links.DeformableConvolution2D(2, 3, 2)
    entries = save_load(src, dst)
    assert sorted(entries) == ['deform_conv/W', 'deform_conv/b',
                               'offset_conv/W', 'offset_conv/b']
    numpy.testing.assert_array_equal(dst.offset_conv.W.array,
                                     src.offset_conv.W.array)
