import numpy
import pytest

import chainer
from chainer import initializers


class _Fill(object):

    def __init__(self, dtype=None):
        self.dtype = dtype

    def __call__(self, array):
        array[...] = 1


@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_generate_array_dtype_argument(dtype):
    a = initializers.generate_array(initializers.Constant(3), (2, 3),
                                    numpy, dtype)
    assert a.dtype == dtype and a.shape == (2, 3)
    numpy.testing.assert_array_equal(a, numpy.full((2, 3), 3))


def test_generate_array_initializer_dtype():
    a = initializers.generate_array(_Fill(numpy.float16), (2,), numpy)
    assert a.dtype == numpy.float16


def test_generate_array_same_dtype_both():
    a = initializers.generate_array(_Fill('f'), (2,), numpy,
                                    numpy.float32)
    assert a.dtype == numpy.float32


def test_generate_array_conflict():
    with pytest.raises(ValueError):
        initializers.generate_array(_Fill(numpy.float16), (2,), numpy,
                                    numpy.float32)


def test_generate_array_config_dtype():
    init = initializers.One()
    assert initializers.generate_array(init, (1,), numpy).dtype \
        == numpy.float32
    with chainer.using_config('dtype', numpy.float16):
        a = initializers.generate_array(init, (1,), numpy)
    assert a.dtype == numpy.float16
    with chainer.using_config('dtype', numpy.float16):
        a = initializers.generate_array(init, (1,), numpy, numpy.float64)
    assert a.dtype == numpy.float64


def test_generate_array_object_without_dtype():
    a = initializers.generate_array(lambda x: x.fill(2), (3,), numpy)
    assert a.dtype == numpy.float32
    numpy.testing.assert_array_equal(a, [2, 2, 2])


def test_get_initializer_none():
    init = initializers._get_initializer(None)
    assert type(init) is initializers.LeCunNormal
    assert init.scale == 1.0


@pytest.mark.parametrize('value', [2, 0.5, numpy.float32(1.5)])
def test_get_initializer_scalar(value):
    init = initializers._get_initializer(value)
    assert isinstance(init, initializers.Constant)
    assert init.fill_value == value


def test_get_initializer_array():
    value = numpy.arange(3.)
    init = initializers._get_initializer(value)
    assert isinstance(init, initializers.Constant)
    a = numpy.empty((2, 3))
    init(a)
    numpy.testing.assert_array_equal(a, [[0, 1, 2], [0, 1, 2]])


def test_get_initializer_callable():
    init = initializers.HeNormal()
    assert initializers._get_initializer(init) is init
    fn = lambda x: None  # NOQA
    assert initializers._get_initializer(fn) is fn


def test_get_initializer_invalid():
    with pytest.raises(TypeError):
        initializers._get_initializer(object())
