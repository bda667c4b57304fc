import numpy
import pytest

import chainer
from chainer import initializers
from chainer import links
from chainer import testing


@pytest.mark.parametrize('ndim', [1, 2, 3])
@pytest.mark.parametrize('kwargs', [
    {},
    {'stride': 2, 'pad': 1},
    {'dilate': 2, 'nobias': True},
    {'groups': 2},
    {'cover_all': True, 'stride': 2},
])
def test_forward_matches_reference(ref_conv, ndim, kwargs):
    link = links.ConvolutionND(ndim, 4, 2, 2,
                               initial_bias=initializers.Uniform(1),
                               **kwargs)
    x = numpy.random.uniform(-1, 1, (2, 4) + (5,) * ndim).astype('f')
    y = link(x)
    b = None if link.b is None else link.b.array
    expected = ref_conv(x, link.W.array, b, kwargs.get('stride', 1),
                        kwargs.get('pad', 0), kwargs.get('dilate', 1),
                        kwargs.get('groups', 1),
                        kwargs.get('cover_all', False))
    testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)


def test_attributes():
    link = links.ConvolutionND(3, 2, 4, (1, 2, 3), stride=2, dilate=(1, 1, 2))
    assert link.W.shape == (4, 2, 1, 2, 3)
    assert link.b.shape == (4,)
    assert link.ksize == (1, 2, 3)
    assert link.dilate == (1, 1, 2)
    assert link.stride == 2
    assert link.cover_all is False


@pytest.mark.parametrize('cls,ndim', [(links.Convolution1D, 1),
                                      (links.Convolution3D, 3)])
def test_fixed_ndim_subclasses(ref_conv, cls, ndim):
    link = cls(2, 3, 2, pad=1)
    assert isinstance(link, links.ConvolutionND)
    assert link.W.shape == (3, 2) + (2,) * ndim
    x = numpy.random.uniform(-1, 1, (1, 2) + (3,) * ndim).astype('f')
    testing.assert_allclose(
        ref_conv(x, link.W.array, link.b.array, 1, 1), link(x).array,
        atol=1e-5, rtol=1e-4)
    with pytest.raises(ValueError):
        link(numpy.zeros((1, 2) + (3,) * (ndim + 1), 'f'))


def test_lazy_init():
    link = links.ConvolutionND(2, 3, 2)
    assert link.W.array is None
    link(numpy.zeros((1, 5, 4, 4), 'f'))
    assert link.W.shape == (3, 5, 2, 2)
    lazy1d = links.Convolution1D(None, 3, 2)
    lazy1d(numpy.zeros((1, 2, 4), 'f'))
    assert lazy1d.W.shape == (3, 2, 2)


def test_backward(check_link_backward):
    with chainer.using_config('dtype', numpy.float64):
        link = links.ConvolutionND(3, 2, 2, 2, stride=(1, 2, 1),
                                   initial_bias=initializers.Uniform(1))
    check_link_backward(link, (1, 2, 3, 4, 3))


def test_wrong_ndim_input():
    link = links.ConvolutionND(2, 1, 1, 1)
    with pytest.raises(ValueError, match='4 dimensions'):
        link(numpy.zeros((1, 1, 3), 'f'))
    assert link.W.shape == (1, 1, 1, 1)


def test_serialize_round_trip(save_load):
    src = links.Convolution3D(1, 2, 2)
    dst = links.Convolution3D(2, 2)
    assert sorted(save_load(src, dst)) == ['W', 'b']
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.convolution_nd')
