import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('subscripts,shapes', [
    ('ij,jk->ik', [(3, 4), (4, 2)]),
    ('ij,jk', [(3, 4), (4, 2)]),
    ('ij->ji', [(3, 4)]),
    ('ij->', [(3, 4)]),
    ('ii->i', [(3, 3)]),
    ('ii', [(3, 3)]),
    ('iij->ij', [(2, 2, 3)]),
    ('i,i', [(4,), (4,)]),
    ('i,j->ij', [(3,), (2,)]),
    ('ij,k->ik', [(3, 4), (2,)]),
    ('...ij,...jk->...ik', [(2, 3, 4), (2, 4, 2)]),
    ('...ij,...jk', [(2, 3, 4), (1, 4, 2)]),
    ('ij...,j->i...', [(3, 4, 2), (4,)]),
    ('bij,bjk,bkl->bil', [(2, 2, 3), (2, 3, 2), (2, 2, 2)]),
    ('i->', [(0,)]),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(subscripts, shapes, dtype):
    rng = numpy.random.RandomState(0)
    xs = tuple(rng.uniform(-1, 1, s).astype(dtype) for s in shapes)
    y = functions.einsum(subscripts, *xs)
    expected = numpy.einsum(subscripts, *[x.astype('d') for x in xs])
    assert y.dtype == dtype and y.shape == expected.shape
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)
    gy = rng.uniform(-1, 1, expected.shape).astype(dtype)
    ggs = tuple(rng.uniform(-1, 1, s).astype(dtype) for s in shapes)

    def f(*xs):
        return functions.einsum(subscripts, *xs)

    def f2(*xs):
        y = f(*xs)
        return y * y  # non-zero second derivative for linear cases
    opts = dict(dtype=numpy.float64, atol=1e-3, rtol=1e-3)
    gradient_check.check_backward(f, xs, gy, **opts)
    gradient_check.check_double_backward(f2, xs, gy, ggs, **opts)


def test_docstring_example():
    a = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
    testing.assert_allclose(functions.einsum('ij,ij->i', a, a).array,
                            [5, 50])


@pytest.mark.parametrize('args,error', [
    (('ij,jk->ik', numpy.ones((2, 3), 'f')), ValueError),
    (('ij->ij', numpy.ones(3, 'f')), ValueError),
    (('i1->i', numpy.ones(3, 'f')), ValueError),
    ((3, numpy.ones(3, 'f')), TypeError),
    (('i->i', numpy.ones(3, 'i')), type_check.InvalidType),
    (('i,i->i', numpy.ones(3, 'f'), numpy.ones(3, 'd')),
     type_check.InvalidType),
])
def test_bad_inputs(args, error):
    with pytest.raises(error):
        functions.einsum(*args)


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(
        lambda a, b: functions.einsum('ii,ij->j', a, b),
        lambda rng: [rng.uniform(-1, 1, (3, 3)), rng.uniform(-1, 1, (3, 2))])


def test_non_contiguous():
    a = numpy.arange(24, dtype=numpy.float32).reshape(4, 6)[:, ::2]
    b = numpy.arange(12, dtype=numpy.float32).reshape(4, 3).T
    testing.assert_allclose(functions.einsum('ij,jk->ik', a, b).array,
                            a.dot(b))
