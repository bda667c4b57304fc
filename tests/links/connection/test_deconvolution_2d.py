import numpy
import pytest

import chainer
from chainer import initializers
from chainer import links
from chainer import testing


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('kwargs', [
    {},
    {'stride': 2, 'pad': 1},
    {'stride': 2, 'outsize': (8, 10)},
    {'dilate': 2, 'nobias': True},
    {'groups': 2},
])
def test_forward_matches_reference(ref_deconv, dtype, kwargs):
    with chainer.using_config('dtype', dtype):
        link = links.Deconvolution2D(
            4, 6, 3, initial_bias=initializers.Uniform(1), **kwargs)
    x = numpy.random.uniform(-1, 1, (2, 4, 3, 4)).astype(dtype)
    y = link(x)
    assert y.dtype == dtype
    b = None if link.b is None else link.b.array
    expected = ref_deconv(
        x, link.W.array, b, kwargs.get('stride', 1), kwargs.get('pad', 0),
        kwargs.get('outsize'), kwargs.get('dilate', 1),
        kwargs.get('groups', 1))
    assert y.shape == expected.shape
    tol = {'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16 else {
        'atol': 1e-5, 'rtol': 1e-4}
    testing.assert_allclose(expected, y.array, **tol)


def test_attributes():
    link = links.Deconvolution2D(4, 6, (2, 3), stride=2, groups=2)
    assert link.W.shape == (4, 3, 2, 3)
    assert link.b.shape == (6,)
    assert link.stride == (2, 2)
    assert link.pad == (0, 0)
    assert link.outsize is None


def test_lazy_init():
    link = links.Deconvolution2D(2, 3)
    assert link.W.array is None
    y = link(numpy.zeros((1, 5, 2, 2), 'f'))
    assert link.W.shape == (5, 2, 3, 3)
    assert y.shape == (1, 2, 4, 4)


def test_backward(check_link_backward):
    with chainer.using_config('dtype', numpy.float64):
        link = links.Deconvolution2D(2, 3, 2, stride=2, pad=1,
                                     initial_bias=initializers.Uniform(1))
    check_link_backward(link, (2, 2, 3, 2))


def test_bad_initial_bias_shape():
    with pytest.raises(ValueError):
        links.Deconvolution2D(2, 3, 2, initial_bias=numpy.zeros(2, 'f'))


def test_groups_must_divide_channels():
    with pytest.raises(ValueError):
        links.Deconvolution2D(3, 4, 2, groups=2)


def test_serialize_round_trip(save_load):
    src = links.Deconvolution2D(2, 3, 2)
    dst = links.Deconvolution2D(3, 2)
    assert sorted(save_load(src, dst)) == ['W', 'b']
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.deconvolution_2d')
