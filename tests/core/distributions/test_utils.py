import numpy
import pytest
from scipy import special

import chainer
from chainer import testing
from chainer.distributions import utils


def test_as_params_keeps_arrays_and_variables():
    v = chainer.Variable(numpy.zeros(3, numpy.float32))
    a = numpy.ones(3, numpy.float32)
    pv, pa = utils.as_params(('v', 'a'), (v, a))
    assert pv is v
    assert pa.array is a


def test_as_params_scalars_take_array_dtype():
    p, s = utils.as_params(('p', 's'), (numpy.zeros(2), 2.))
    assert s.dtype == numpy.float64 and s.shape == (2,)
    testing.assert_allclose(s.array, [2., 2.])
    p, s = utils.as_params(('p', 's'), (0., [1., 2.]))
    assert p.dtype == chainer.get_dtype() == s.dtype
    # numpy scalars carry their dtype.
    p, = utils.as_params(('p',), (numpy.float64(1.),))
    assert p.dtype == numpy.float64


def test_as_params_broadcast():
    a, b = utils.as_params(('a', 'b'), (numpy.zeros((2, 1)), numpy.ones(3)))
    assert a.shape == b.shape == (2, 3)
    a, b = utils.as_params(('a', 'b'), (numpy.zeros(2), numpy.ones(3)),
                           broadcast=False)
    assert a.shape == (2,) and b.shape == (3,)


def test_as_params_errors():
    with pytest.raises(ValueError, match=r'a\(2,\), b\(3,\)'):
        utils.as_params(('a', 'b'), (numpy.zeros(2), numpy.ones(3)))
    with pytest.raises(TypeError, match='a=float32, b=float64'):
        utils.as_params(('a', 'b'), (numpy.zeros(2, numpy.float32),
                                     numpy.ones(2)))
    with pytest.raises(TypeError, match='float'):
        utils.as_params(('a',), (numpy.zeros(2, numpy.int64),))


def test_as_input():
    x = utils.as_input(numpy.array([0, 1]), numpy.float32)
    assert x.dtype == numpy.float32 and not x.requires_grad
    v = chainer.Variable(numpy.zeros(2, numpy.float32))
    assert utils.as_input(v, numpy.float32) is v
    with pytest.raises(TypeError, match='float64'):
        utils.as_input(v, numpy.float64)


def test_xlogy_from_log():
    p = chainer.Variable(numpy.array([0., 0., 0.5, 0.5]))
    with numpy.errstate(divide='ignore'):
        log_q = numpy.log(numpy.array([0., 0.5, 0.5, 0.]))
    y = utils.xlogy_from_log(p, log_q)
    testing.assert_allclose(y.array, [0., 0., 0.5 * numpy.log(0.5),
                                      -numpy.inf])
    with numpy.errstate(invalid='ignore'):  # 0 * -inf in the unused entry
        chainer.functions.sum(y[:3]).backward()
    # d(p log q)/dp is log q wherever that is finite.
    testing.assert_allclose(p.grad[1:3], [numpy.log(0.5)] * 2)
    assert p.grad[0] == 0


def test_replace_and_where_const():
    x = numpy.array([1., -2., 3.])
    testing.assert_allclose(utils.replace(x, x < 0, 7.), [1., 7., 3.])
    v = chainer.Variable(x)
    y = utils.where_const(x > 0, v, -numpy.inf)
    testing.assert_allclose(y.array, [1., -numpy.inf, 3.])


def test_lbeta():
    a, b = numpy.array([0.5, 2., 7.]), numpy.array([1.5, 3., 0.2])
    testing.assert_allclose(utils.lbeta(a, b).array, special.betaln(a, b))


def test_random_helpers():
    numpy.random.seed(0)
    for dtype in (numpy.float32, numpy.float64):
        n = utils.standard_normal(numpy, (1000,), dtype)
        u = utils.uniform(numpy, (1000,), dtype)
        assert n.dtype == u.dtype == dtype
        assert ((u >= 0) & (u < 1)).all()
        assert abs(n.mean()) < 0.1
