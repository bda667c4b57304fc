import numpy
import pytest

import chainer
from chainer import initializers
from chainer import links
from chainer import testing


def _as_grouped(W):
    # Output channel c * M + m convolves channel c with W[m, c]: a grouped
    # convolution with one group per input channel.
    M, C = W.shape[:2]
    return W.transpose(1, 0, 2, 3).reshape((C * M, 1) + W.shape[2:])


@pytest.mark.parametrize('kwargs', [{}, {'stride': 2, 'pad': 1},
                                    {'nobias': True}])
def test_forward_matches_reference(ref_conv, kwargs):
    link = links.DepthwiseConvolution2D(
        3, 2, 3, initial_bias=initializers.Uniform(1), **kwargs)
    assert link.W.shape == (2, 3, 3, 3)
    x = numpy.random.uniform(-1, 1, (2, 3, 6, 5)).astype('f')
    y = link(x)
    b = None if link.b is None else link.b.array
    expected = ref_conv(x, _as_grouped(link.W.array), b,
                        kwargs.get('stride', 1), kwargs.get('pad', 0),
                        groups=3)
    testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)


def test_lazy_init_creates_weight_and_bias():
    link = links.DepthwiseConvolution2D(None, 2, 3)
    assert link.W.array is None and link.b.array is None
    link(numpy.zeros((1, 4, 3, 3), 'f'))
    assert link.W.shape == (2, 4, 3, 3)
    assert link.b.shape == (8,)
    numpy.testing.assert_array_equal(link.b.array, 0)


def test_backward(check_link_backward):
    with chainer.using_config('dtype', numpy.float64):
        link = links.DepthwiseConvolution2D(
            2, 2, 2, pad=1, initial_bias=initializers.Uniform(1))
    check_link_backward(link, (1, 2, 3, 3))


def test_serialize_into_lazy_link(save_load):
    src = links.DepthwiseConvolution2D(3, 2, 2)
    dst = links.DepthwiseConvolution2D(None, 2, 2)
    assert sorted(save_load(src, dst)) == ['W', 'b']
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)
    assert dst.b.shape == (6,)


def test_bad_input():
    link = links.DepthwiseConvolution2D(3, 2, 2)
    with pytest.raises(chainer.utils.type_check.InvalidType):
        link(numpy.zeros((1, 2, 3, 3), 'f'))


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.depthwise_convolution_2d')
