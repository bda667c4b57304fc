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
])
def test_forward_matches_reference(ref_deconv, ndim, kwargs):
    link = links.DeconvolutionND(ndim, 4, 2, 2,
                                 initial_bias=initializers.Uniform(1),
                                 **kwargs)
    x = numpy.random.uniform(-1, 1, (2, 4) + (3,) * ndim).astype('f')
    y = link(x)
    b = None if link.b is None else link.b.array
    expected = ref_deconv(x, link.W.array, b, kwargs.get('stride', 1),
                          kwargs.get('pad', 0), None, kwargs.get('dilate', 1),
                          kwargs.get('groups', 1))
    testing.assert_allclose(expected, y.array, atol=1e-5, rtol=1e-4)


def test_outsize():
    link = links.DeconvolutionND(1, 1, 1, 3, stride=2, outsize=(8,))
    assert link(numpy.zeros((1, 1, 3), 'f')).shape == (1, 1, 8)


@pytest.mark.parametrize('cls,ndim', [(links.Deconvolution1D, 1),
                                      (links.Deconvolution3D, 3)])
def test_fixed_ndim_subclasses(ref_deconv, cls, ndim):
    link = cls(2, 3, 2, stride=2)
    assert isinstance(link, links.DeconvolutionND)
    assert link.W.shape == (2, 3) + (2,) * ndim
    x = numpy.random.uniform(-1, 1, (1, 2) + (2,) * ndim).astype('f')
    testing.assert_allclose(
        ref_deconv(x, link.W.array, link.b.array, 2), link(x).array,
        atol=1e-5, rtol=1e-4)
    with pytest.raises(ValueError):
        link(numpy.zeros((1, 2) + (2,) * (ndim + 1), 'f'))


def test_lazy_init():
    link = links.DeconvolutionND(2, 3, 2)
    link(numpy.zeros((1, 5, 2, 2), 'f'))
    assert link.W.shape == (5, 3, 2, 2)


def test_backward(check_link_backward):
    with chainer.using_config('dtype', numpy.float64):
        link = links.DeconvolutionND(2, 2, 2, 2, stride=(2, 1),
                                     initial_bias=initializers.Uniform(1))
    check_link_backward(link, (1, 2, 2, 3))


def test_serialize_round_trip(save_load):
    src = links.Deconvolution1D(2, 3, 2)
    dst = links.Deconvolution1D(3, 2)
    assert sorted(save_load(src, dst)) == ['W', 'b']
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.deconvolution_nd')
