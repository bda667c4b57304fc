import importlib.util

import pytest

from chainer import links

HAS_THEANO = importlib.util.find_spec('theano') is not None


@pytest.mark.skipif(HAS_THEANO, reason='Theano is installed')
def test_clear_error_without_theano():
    with pytest.raises(ImportError, match='Theano'):
        links.TheanoFunction((), ())


@pytest.mark.skipif(not HAS_THEANO, reason='needs Theano')
def test_forward_and_backward():
    import numpy
    import theano.tensor as T

    x = T.fvector()
    y = T.fvector()
    link = links.TheanoFunction((x, y), (x * y + 1,))
    a = numpy.array([1, 2], numpy.float32)
    b = numpy.array([3, 4], numpy.float32)
    import chainer
    va, vb = chainer.Variable(a), chainer.Variable(b)
    out = link(va, vb)
    numpy.testing.assert_allclose(out.array, [4, 9])
    out.grad = numpy.ones(2, numpy.float32)
    out.backward()
    numpy.testing.assert_allclose(va.grad, b)
    numpy.testing.assert_allclose(vb.grad, a)
