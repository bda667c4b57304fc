import numpy
import pytest

import chainer
from chainer import initializers
from chainer import links
from chainer import testing


@pytest.mark.parametrize('kwargs', [{'dilate': 2}, {'dilate': (1, 3),
                                                    'pad': 2, 'stride': 2},
                                    {'nobias': True}])
def test_forward_matches_reference(ref_conv, kwargs):
    link = links.DilatedConvolution2D(
        2, 3, 3, initial_bias=initializers.Uniform(1), **kwargs)
    x = numpy.random.uniform(-1, 1, (2, 2, 7, 8)).astype('f')
    y = link(x)
    b = None if link.b is None else link.b.array
    expected = ref_conv(x, link.W.array, b, kwargs.get('stride', 1),
                        kwargs.get('pad', 0), kwargs.get('dilate', 1))
    testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)


def test_attributes_and_lazy_init():
    link = links.DilatedConvolution2D(4, 3, dilate=2)
    assert link.W.array is None
    assert link.dilate == (2, 2)
    y = link(numpy.zeros((1, 2, 6, 6), 'f'))
    assert link.W.shape == (4, 2, 3, 3)
    assert y.shape == (1, 4, 2, 2)


def test_backward(check_link_backward):
    with chainer.using_config('dtype', numpy.float64):
        link = links.DilatedConvolution2D(
            2, 2, 2, dilate=2, initial_bias=initializers.Uniform(1))
    check_link_backward(link, (1, 2, 4, 5))


def test_serialize_round_trip(save_load):
    src = links.DilatedConvolution2D(2, 3, 2, dilate=2)
    dst = links.DilatedConvolution2D(3, 2, dilate=2)
    assert sorted(save_load(src, dst)) == ['W', 'b']
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.dilated_convolution_2d')
