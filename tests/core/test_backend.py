import numpy
import pytest

import chainer
from chainer import backend


def test_get_array_module_numpy():
    assert backend.get_array_module(numpy.zeros(1)) is numpy
    assert backend.get_array_module(chainer.Variable(numpy.zeros(1))) \
        is numpy
    assert backend.get_array_module() is numpy
    assert chainer.backends.cuda.get_array_module(numpy.zeros(1)) is numpy
    assert chainer.cuda.get_array_module is \
        chainer.backends.cuda.get_array_module


def test_copyto():
    dst = numpy.zeros((2, 3), 'f')
    backend.copyto(dst, numpy.arange(6, dtype='f').reshape(2, 3))
    numpy.testing.assert_array_equal(dst.ravel(), numpy.arange(6))
    backend.copyto(dst, numpy.float32(7))
    assert (dst == 7).all()


def test_copyto_bad_type():
    with pytest.raises(TypeError):
        backend.copyto([1, 2], numpy.zeros(2))
