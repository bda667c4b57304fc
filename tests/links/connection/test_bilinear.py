import numpy
import pytest

import chainer
from chainer import gradient_check
from chainer import links
from chainer import testing


def _ref(e1, e2, W, V1=None, V2=None, b=None):
    y = numpy.einsum('bj,bk,jkl->bl', e1, e2, W.astype(numpy.float64))
    if V1 is not None:
        y += e1 @ V1 + e2 @ V2 + b
    return y


@pytest.mark.parametrize('nobias', [False, True])
def test_forward_matches_reference(nobias):
    link = links.Bilinear(2, 3, 4, nobias=nobias)
    e1 = numpy.random.uniform(-1, 1, (5, 2)).astype('f')
    e2 = numpy.random.uniform(-1, 1, (5, 3)).astype('f')
    if not nobias:
        link.b.array[...] = numpy.random.uniform(-1, 1, 4)
        args = (link.V1.array, link.V2.array, link.b.array)
    else:
        args = ()
        assert not hasattr(link, 'V1') and not hasattr(link, 'b')
    testing.assert_allclose(_ref(e1, e2, link.W.array, *args),
                            link(e1, e2).array, atol=1e-5, rtol=1e-4)


def test_parameters():
    link = links.Bilinear(2, 3, 4)
    assert link.W.shape == (2, 3, 4)
    assert link.V1.shape == (2, 4)
    assert link.V2.shape == (3, 4)
    numpy.testing.assert_array_equal(link.b.array, numpy.zeros(4))
    assert numpy.isfinite(link.V1.array).all()
    names = sorted(n for n, _ in link.namedparams())
    assert names == ['/V1', '/V2', '/W', '/b']


def test_initial_values():
    W = numpy.ones((2, 3, 4), 'f')
    V1 = numpy.full((2, 4), 2, 'f')
    V2 = numpy.full((3, 4), 3, 'f')
    b = numpy.arange(4, dtype='f')
    link = links.Bilinear(2, 3, 4, initialW=W, initial_bias=(V1, V2, b))
    numpy.testing.assert_array_equal(link.V2.array, V2)
    numpy.testing.assert_array_equal(link.b.array, b)


@pytest.mark.parametrize('kwargs', [
    {'initialW': numpy.zeros((2, 2, 4), 'f')},
    {'initial_bias': (numpy.zeros((3, 4), 'f'), None, 0)},
    {'initial_bias': (None, None)},
    {'initial_bias': [None, None, 0]},
])
def test_bad_initial_values(kwargs):
    with pytest.raises(ValueError):
        links.Bilinear(2, 3, 4, **kwargs)


def test_backward():
    with chainer.using_config('dtype', numpy.float64):
        link = links.Bilinear(2, 3, 2)
    e1 = numpy.random.uniform(-1, 1, (3, 2))
    e2 = numpy.random.uniform(-1, 1, (3, 3))
    gy = numpy.random.uniform(-1, 1, (3, 2))
    gradient_check.check_backward(
        link, (e1, e2), gy, (link.W, link.V1, link.V2, link.b),
        atol=1e-6, rtol=1e-5)


def test_serialize_round_trip(save_load):
    src = links.Bilinear(2, 3, 4)
    dst = links.Bilinear(2, 3, 4)
    assert sorted(save_load(src, dst)) == ['V1', 'V2', 'W', 'b']
    numpy.testing.assert_array_equal(dst.V1.array, src.V1.array)


def test_bad_input():
    link = links.Bilinear(2, 3, 4)
    with pytest.raises(chainer.utils.type_check.InvalidType):
        link(numpy.zeros((5, 3), 'f'), numpy.zeros((5, 3), 'f'))


def test_doctests(run_doctests):
    run_doctests('chainer.links.connection.bilinear')
