import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


@pytest.mark.parametrize('ignore_label', [None, -1, 2])
def test_forward(ignore_label):
    link = links.EmbedID(4, 3, ignore_label=ignore_label)
    assert link.ignore_label == ignore_label
    x = numpy.array([[0, 2], [3, 1]], numpy.int32)
    if ignore_label == -1:
        x[1, 0] = -1
    y = link(x)
    assert y.shape == (2, 2, 3)
    W = link.W.array
    for idx in numpy.ndindex(x.shape):
        if x[idx] == ignore_label:
            numpy.testing.assert_array_equal(y.array[idx], 0)
        else:
            numpy.testing.assert_array_equal(y.array[idx], W[x[idx]])


def test_default_initializer_is_unit_normal():
    link = links.EmbedID(2000, 50)
    assert link.W.shape == (2000, 50)
    assert link.W.dtype == numpy.float32
    assert abs(float(link.W.array.std()) - 1) < 0.02
    assert abs(float(link.W.array.mean())) < 0.02


def test_backward_accumulates_rows():
    with chainer.using_config('dtype', numpy.float64):
        link = links.EmbedID(3, 2, ignore_label=-1)
    x = numpy.array([0, 2, 0, -1], numpy.int32)
    gy = numpy.random.uniform(-1, 1, (4, 2))
    link.cleargrads()
    y = link(x)
    y.grad = gy
    y.backward()
    expected = numpy.zeros((3, 2))
    expected[0] = gy[0] + gy[2]
    expected[2] = gy[1]
    testing.assert_allclose(expected, link.W.grad)
    gradient_check.check_backward(link, x, gy, link.W, atol=1e-6,
                                  rtol=1e-5)


def test_out_of_range_id():
    link = links.EmbedID(3, 2)
    with pytest.raises(ValueError):
        link(numpy.array([3], numpy.int32))


def test_serialize_round_trip(save_load):
    src = links.EmbedID(3, 2)
    dst = links.EmbedID(3, 2)
    assert list(save_load(src, dst)) == ['W']
    numpy.testing.assert_array_equal(dst.W.array, src.W.array)


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.embed_id')
