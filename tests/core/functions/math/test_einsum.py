import numpy
import pytest

import chainer

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
    ('...ij,...jk', [(2, 3, 4), (2, 4, 2)]),
    ('Ba', [(2, 3)]),
    ('aB,B', [(2, 3), (3,)]),
    ('...i->...', [(2, 3)]),
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
    (('ij,jk', numpy.ones((2, 1), 'f'), numpy.ones((3, 2), 'f')),
     type_check.InvalidType),
    (('...ij,...jk', numpy.ones((2, 3, 4), 'f'),
      numpy.ones((1, 4, 2), 'f')), type_check.InvalidType),
    (('...i,...i', numpy.ones((2, 3), 'f'), numpy.ones((3,), 'f')),
     type_check.InvalidType),
    (('...i->i', numpy.ones((2, 3), 'f')), ValueError),
    (('i->j', numpy.ones(3, 'f')), ValueError),
    (('i->->i', numpy.ones(3, 'f')), ValueError),
    (('i..->i', numpy.ones(3, 'f')), ValueError),
    ((numpy.ones(3, 'f'), ['i']), TypeError),
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


def _ref_implicit_order(subscripts, *xs):
    # numpy's own implicit output: letters used once, sorted by code point
    # (so upper case before lower case).
    flat = subscripts.replace(',', '')
    out = ''.join(sorted(c for c in set(flat) if flat.count(c) == 1))
    return numpy.einsum(subscripts + '->' + out, *xs)


def test_implicit_output_sorts_upper_case_first():
    x = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
    y = functions.einsum('Ba', x)
    # 'B' < 'a': the output keeps the input's axis order.
    assert y.shape == (2, 3)
    testing.assert_allclose(y.array, x)
    w = numpy.arange(12, dtype=numpy.float32).reshape(3, 4)
    y = functions.einsum('bA,AC', x, w)
    assert y.shape == (4, 2)
    testing.assert_allclose(y.array, _ref_implicit_order('bA,AC', x, w))
    testing.assert_allclose(y.array, x.dot(w).T)


def test_sublist_format():
    rng = numpy.random.RandomState(1)
    a = rng.uniform(-1, 1, (3, 4)).astype(numpy.float32)
    b = rng.uniform(-1, 1, (3, 5)).astype(numpy.float32)
    w = rng.uniform(-1, 1, (4, 5, 2)).astype(numpy.float32)
    expected = numpy.zeros((3, 2))
    for i in range(3):
        expected[i] = numpy.dot(numpy.outer(a[i], b[i]).ravel(),
                                w.reshape(20, 2))
    y = functions.einsum(a, [0, 1], b, [0, 2], w, [1, 2, 3], [0, 3])
    testing.assert_allclose(y.array, expected, rtol=1e-5, atol=1e-5)
    # Labels are numbered 'A'..'Z', 'a'..'z'; no output list: implicit.
    y = functions.einsum(a, [Ellipsis, 1], b, [Ellipsis, 2],
                         w, [1, 2, 3])
    testing.assert_allclose(y.array, expected, rtol=1e-5, atol=1e-5)
    # Label 26 is 'a' and label 1 is 'B': implicit order is 1, then 26.
    y = functions.einsum(a, [26, 1])
    testing.assert_allclose(y.array, a.T)


def test_mixed_float_dtypes():
    rng = numpy.random.RandomState(2)
    a = chainer.Variable(rng.uniform(-1, 1, (2, 3)).astype(numpy.float32))
    b = chainer.Variable(rng.uniform(-1, 1, (3,)))
    y = functions.einsum('ij,j->i', a, b)
    assert y.dtype == numpy.float64
    testing.assert_allclose(y.array, a.array.astype('d').dot(b.array))
    functions.sum(y).backward()
    assert a.grad.dtype == numpy.float32
    assert b.grad.dtype == numpy.float64
    testing.assert_allclose(a.grad, numpy.tile(b.array, (2, 1)), rtol=1e-6)
    testing.assert_allclose(b.grad, a.array.sum(axis=0), rtol=1e-6)


def test_zero_dim_ellipsis_may_be_summed():
    x = numpy.arange(3, dtype=numpy.float32)
    testing.assert_allclose(functions.einsum('...i->', x).array, 3.0)
