import numpy
import pytest

import chainer
from chainer import initializers
from chainer import links
from chainer import testing


def _ref_local(x, W, b, stride):
    # y[n, o, i, j] = b[o, i, j] + sum_{c, k, l} W[o, i, j, c, k, l]
    #                 x[n, c, s_y i + k, s_x j + l]
    sy, sx = stride
    out_c, oh, ow = W.shape[:3]
    kh, kw = W.shape[4:]
    y = numpy.zeros((x.shape[0], out_c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            patch = x[:, :, sy * i:sy * i + kh, sx * j:sx * j + kw]
            y[:, :, i, j] = numpy.tensordot(
                patch.astype(numpy.float64), W[:, i, j], ((1, 2, 3),
                                                          (1, 2, 3)))
    if b is not None:
        y += b
    return y


@pytest.mark.parametrize('stride,nobias', [(1, False), ((2, 1), False),
                                           (1, True)])
def test_forward_matches_reference(stride, nobias):
    link = links.LocalConvolution2D(2, 3, (5, 4), 2, stride=stride,
                                    nobias=nobias,
                                    initial_bias=initializers.Uniform(1))
    x = numpy.random.uniform(-1, 1, (2, 2, 5, 4)).astype('f')
    y = link(x)
    b = None if nobias else link.b.array
    testing.assert_allclose(
        _ref_local(x, link.W.array, b, link.stride), y.array,
        atol=1e-5, rtol=1e-4)


def test_shapes():
    link = links.LocalConvolution2D(3, 4, in_size=6, ksize=3, stride=2)
    assert link.W.shape == (4, 2, 2, 3, 3, 3)
    assert link.b.shape == (4, 2, 2)
    numpy.testing.assert_array_equal(link.b.array, 0)


@pytest.mark.parametrize('in_channels,in_size', [(None, None), (2, None),
                                                 (None, 4)])
def test_lazy_init(in_channels, in_size):
    link = links.LocalConvolution2D(in_channels, 3, in_size, ksize=2)
    assert link.W.array is None
    link(numpy.zeros((1, 2, 4, 5), 'f'))
    assert link.W.shape == (3, 3, 4, 2, 2, 2)
    assert link.b.shape == (3, 3, 4)


def test_backward(check_link_backward):
    with chainer.using_config('dtype', numpy.float64):
        link = links.LocalConvolution2D(2, 2, 3, 2,
                                        initial_bias=initializers.Uniform(1))
    check_link_backward(link, (2, 2, 3, 3))


def test_input_smaller_than_filter():
    link = links.LocalConvolution2D(None, 2, ksize=3)
    with pytest.raises(ValueError):
        link(numpy.zeros((1, 1, 2, 2), 'f'))


def test_bad_input_size():
    link = links.LocalConvolution2D(1, 2, 4, 2)
    with pytest.raises(chainer.utils.type_check.InvalidType):
        link(numpy.zeros((1, 1, 5, 5), 'f'))


def test_serialize_into_lazy_link(save_load):
    src = links.LocalConvolution2D(2, 3, 4, 2)
    dst = links.LocalConvolution2D(None, 3, ksize=2)
    assert sorted(save_load(src, dst)) == ['W', 'b']
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)
    numpy.testing.assert_array_equal(dst.b.array, src.b.array)


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.local_convolution_2d')
