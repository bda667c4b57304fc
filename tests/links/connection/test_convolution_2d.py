import numpy
import pytest

import chainer
from chainer import initializers
from chainer import links
from chainer import testing
from chainer.testing import attr


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('kwargs', [
    {},
    {'stride': 2, 'pad': 1},
    {'stride': (1, 2), 'pad': (0, 1), 'dilate': 2},
    {'groups': 2},
    {'nobias': True},
])
def test_forward_matches_reference(ref_conv, dtype, kwargs):
    with chainer.using_config('dtype', dtype):
        link = links.Convolution2D(
            4, 6, 3, initial_bias=initializers.Uniform(1), **kwargs)
    x = numpy.random.uniform(-1, 1, (2, 4, 7, 6)).astype(dtype)
    y = link(x)
    assert y.dtype == dtype
    b = None if link.b is None else link.b.array
    expected = ref_conv(
        x, link.W.array, b, kwargs.get('stride', 1), kwargs.get('pad', 0),
        kwargs.get('dilate', 1), kwargs.get('groups', 1))
    tol = {'atol': 5e-2, 'rtol': 5e-2} if dtype == numpy.float16 else {
        'atol': 1e-5, 'rtol': 1e-4}
    testing.assert_allclose(expected, y.array, **tol)


def test_attributes():
    link = links.Convolution2D(3, 4, (2, 3), stride=2, pad=1, dilate=(1, 2),
                               groups=1)
    assert link.W.shape == (4, 3, 2, 3)
    assert link.b.shape == (4,)
    assert link.stride == (2, 2)
    assert link.pad == (1, 1)
    assert link.dilate == (1, 2)
    assert link.groups == 1
    assert link.out_channels == 4
    numpy.testing.assert_array_equal(link.b.array, 0)


def test_grouped_weight_shape():
    link = links.Convolution2D(4, 6, 3, groups=2)
    assert link.W.shape == (6, 2, 3, 3)


def test_backward(check_link_backward):
    with chainer.using_config('dtype', numpy.float64):
        link = links.Convolution2D(2, 3, 2, stride=(2, 1), pad=1,
                                   initial_bias=initializers.Uniform(1))
    check_link_backward(link, (2, 2, 4, 3))


@pytest.mark.parametrize('args', [(None, 5, 3), (5, 3)])
def test_lazy_init(ref_conv, args):
    link = links.Convolution2D(*args)
    assert link.W.array is None
    x = numpy.random.uniform(-1, 1, (1, 2, 5, 5)).astype(numpy.float32)
    y = link(x)
    assert link.W.shape == (5, 2, 3, 3)
    testing.assert_allclose(ref_conv(x, link.W.array, link.b.array),
                            y.array, atol=1e-5, rtol=1e-4)


def test_groups_must_divide_channels():
    with pytest.raises(ValueError):
        links.Convolution2D(3, 4, 3, groups=2)
    with pytest.raises(ValueError):
        links.Convolution2D(4, 3, 3, groups=2)


def test_rejects_old_and_unknown_arguments():
    with pytest.raises(ValueError, match='deterministic'):
        links.Convolution2D(1, 1, 1, deterministic=True)
    with pytest.raises(TypeError):
        links.Convolution2D(1, 1, 1, foo=1)


def test_bad_input_channels():
    link = links.Convolution2D(3, 2, 1)
    with pytest.raises(chainer.utils.type_check.InvalidType):
        link(numpy.zeros((1, 4, 3, 3), numpy.float32))


def test_serialize_round_trip(save_load):
    src = links.Convolution2D(2, 3, 2, initial_bias=initializers.Uniform(1))
    dst = links.Convolution2D(3, 2)
    entries = save_load(src, dst)
    assert sorted(entries) == ['W', 'b']
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)
    numpy.testing.assert_array_equal(dst.b.array, src.b.array)


def test_copy():
    link = links.Convolution2D(2, 3, 2)
    deep = link.copy(mode='copy')
    deep.W.array[...] = 0
    assert not (link.W.array == 0).all()


@attr.gpu
def test_forward_gpu(ref_conv):
    from chainer.backends import cuda
    link = links.Convolution2D(2, 3, 3, pad=1)
    x = numpy.random.uniform(-1, 1, (1, 2, 4, 4)).astype(numpy.float32)
    expected = ref_conv(x, link.W.array, link.b.array, 1, 1)
    link.to_gpu()
    y = link(cuda.to_gpu(x))
    testing.assert_allclose(expected, cuda.to_cpu(y.array), atol=1e-4,
                            rtol=1e-3)


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.convolution_2d')
