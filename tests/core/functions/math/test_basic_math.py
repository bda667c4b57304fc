import operator

import numpy
import pytest

import chainer
from chainer import functions as F
from chainer import gradient_check
from chainer import testing
from chainer.utils import type_check


DTYPES = [numpy.float16, numpy.float32, numpy.float64]


def _tol(dtype):
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-2}
    return {'atol': 1e-5, 'rtol': 1e-4}


def _grad_tol(dtype):
    if dtype == numpy.float16:
        return {'atol': 5e-2, 'rtol': 5e-2}
    return {'atol': 1e-4, 'rtol': 1e-3}


def _uniform(shape, dtype, low=-1, high=1):
    return numpy.random.uniform(low, high, shape).astype(dtype)


# Positive operands keep ``**`` real and ``/`` away from zero.
BINARY = [
    ('add', operator.add, -1, 1),
    ('sub', operator.sub, -1, 1),
    ('mul', operator.mul, -1, 1),
    ('truediv', operator.truediv, 0.5, 2),
    ('pow', operator.pow, 0.5, 2),
]


@testing.fix_random()
@pytest.mark.parametrize('name,op,low,high', BINARY)
@pytest.mark.parametrize('dtype', DTYPES)
@pytest.mark.parametrize('shapes', [
    ((), ()), ((3, 2), (3, 2)), ((3, 2), (2,)), ((1, 4), (3, 1)),
    ((2, 3, 4), ()),
])
class TestBinaryVarVar:

    def _data(self, shapes, dtype, low, high):
        return [_uniform(s, dtype, low, high) for s in shapes]

    def test_forward(self, name, op, low, high, dtype, shapes):
        a, b = self._data(shapes, dtype, low, high)
        y = op(chainer.Variable(a), chainer.Variable(b))
        expected = op(a.astype(numpy.float64), b.astype(numpy.float64))
        assert y.dtype == dtype
        assert y.shape == numpy.broadcast_shapes(*shapes)
        testing.assert_allclose(expected, y.array, **_tol(dtype))

    def test_backward(self, name, op, low, high, dtype, shapes):
        a, b = self._data(shapes, dtype, low, high)
        gy = _uniform(numpy.broadcast_shapes(*shapes), dtype)
        gradient_check.check_backward(
            op, (a, b), gy, dtype=numpy.float64, **_grad_tol(dtype))

    def test_double_backward(self, name, op, low, high, dtype, shapes):
        a, b = self._data(shapes, dtype, low, high)
        out_shape = numpy.broadcast_shapes(*shapes)
        gy = _uniform(out_shape, dtype)
        gga, ggb = _uniform(shapes[0], dtype), _uniform(shapes[1], dtype)
        gradient_check.check_double_backward(
            op, (a, b), gy, (gga, ggb), dtype=numpy.float64,
            **_grad_tol(dtype))


CONSTANT_OPS = [
    ('radd', lambda x: 2.5 + x), ('add', lambda x: x + 2.5),
    ('rsub', lambda x: 2.5 - x), ('sub', lambda x: x - 2.5),
    ('mul', lambda x: x * 2.5), ('rmul', lambda x: 2.5 * x),
    ('div', lambda x: x / 2.5), ('rdiv', lambda x: 2.5 / x),
    ('pow', lambda x: x ** 2.5), ('pow2', lambda x: x ** 2),
    ('rpow', lambda x: 2.5 ** x), ('neg', lambda x: -x),
    ('abs', abs), ('absolute', F.absolute),
    ('array_rhs', lambda x: x * numpy.full(x.shape, 1.5, x.dtype)),
]


@testing.fix_random()
@pytest.mark.parametrize('name,op', CONSTANT_OPS)
@pytest.mark.parametrize('dtype', DTYPES)
@pytest.mark.parametrize('shape', [(), (3,), (2, 3)])
class TestUnary:

    def _x(self, shape, dtype):
        # Positive and away from 0 (pow, rdiv, abs kink).
        return _uniform(shape, dtype, 0.5, 2)

    def test_forward(self, name, op, dtype, shape):
        x = self._x(shape, dtype)
        y = op(chainer.Variable(x))
        expected = op(x.astype(numpy.float64))
        if isinstance(expected, chainer.Variable):  # F.absolute on arrays
            expected = expected.array
        assert isinstance(y, chainer.Variable)
        assert y.dtype == dtype and y.shape == shape
        testing.assert_allclose(expected, y.array, **_tol(dtype))

    def test_backward(self, name, op, dtype, shape):
        x = self._x(shape, dtype)
        gy = _uniform(shape, dtype)
        gradient_check.check_backward(
            op, x, gy, dtype=numpy.float64, **_grad_tol(dtype))

    def test_double_backward(self, name, op, dtype, shape):
        x = self._x(shape, dtype)
        gy, ggx = _uniform(shape, dtype), _uniform(shape, dtype)
        gradient_check.check_double_backward(
            op, x, gy, ggx, dtype=numpy.float64, **_grad_tol(dtype))


def test_abs_negative_inputs():
    x = chainer.Variable(numpy.array([-2., 3.], 'f'))
    y = abs(x)
    numpy.testing.assert_array_equal(y.array, [2., 3.])
    y.grad = numpy.ones(2, 'f')
    y.backward()
    numpy.testing.assert_array_equal(x.grad, [-1., 1.])


@pytest.mark.parametrize('n', [3, 5])
def test_multi_add(n):
    xs = [numpy.random.rand(2, 3) for _ in range(n)]
    y = F.add(*[chainer.Variable(x) for x in xs])
    testing.assert_allclose(sum(xs), y.array)
    gy = numpy.random.rand(2, 3)
    gradient_check.check_backward(lambda *a: F.add(*a), tuple(xs), gy)
    gradient_check.check_double_backward(
        lambda *a: F.add(*a), tuple(xs), gy,
        tuple(numpy.random.rand(2, 3) for _ in range(n)))


def test_multi_add_broadcast():
    xs = (numpy.random.rand(2, 3), numpy.random.rand(3),
          numpy.random.rand(1, 1))
    y = F.add(*xs)
    testing.assert_allclose(xs[0] + xs[1] + xs[2], y.array)
    gradient_check.check_backward(lambda *a: F.add(*a), xs,
                                  numpy.random.rand(2, 3))


def test_add_single_input():
    x = numpy.ones(2, 'f')
    assert F.add(x).array is x


def test_floordiv_no_grad():
    a = chainer.Variable(numpy.array([7., -7.], 'f'))
    b = chainer.Variable(numpy.array([2., 2.], 'f'))
    y = a // b
    numpy.testing.assert_array_equal(y.array, [3., -4.])
    y2 = 7. // b
    numpy.testing.assert_array_equal(y2.array, [3., 3.])
    y.grad = numpy.ones(2, 'f')
    y.backward()
    assert a.grad is None


def test_matmul_operator():
    a = numpy.random.rand(2, 3).astype('f')
    b = numpy.random.rand(3, 4).astype('f')
    y = chainer.Variable(a) @ chainer.Variable(b)
    testing.assert_allclose(a @ b, y.array)
    y2 = a @ chainer.Variable(b)
    testing.assert_allclose(a @ b, y2.array)


def test_dtype_mismatch_is_invalid_type():
    a = chainer.Variable(numpy.zeros(2, numpy.float32))
    b = chainer.Variable(numpy.zeros(2, numpy.float64))
    with pytest.raises(type_check.InvalidType) as e:
        a + b
    assert 'lhs.dtype == rhs.dtype' in str(e.value)


def test_shape_mismatch_is_invalid_type():
    a = chainer.Variable(numpy.zeros((2, 3), 'f'))
    b = chainer.Variable(numpy.zeros((4,), 'f'))
    with pytest.raises(type_check.InvalidType) as e:
        a * b
    assert 'broadcast' in str(e.value)


def test_bad_operand_type():
    a = chainer.Variable(numpy.zeros(2, 'f'))
    with pytest.raises(TypeError, match='Value must be a scalar'):
        a + [1, 2]
    with pytest.raises(TypeError, match='Value must be a scalar'):
        a * 'x'


def test_scalar_cast_keeps_dtype():
    a = chainer.Variable(numpy.ones(2, numpy.float16))
    for y in (a + 1.5, a * 2, 3 - a, a / 3, a ** 2, 2 ** a):
        assert y.dtype == numpy.float16


def test_integer_variables():
    a = chainer.Variable(numpy.array([1, 2], numpy.int32))
    assert (a + 1).dtype == numpy.int32
    assert (a * a).dtype == numpy.int32


def test_labels():
    x = chainer.Variable(numpy.ones(1, 'f'))
    assert (x + 1).creator.label == '_ + 1.0'
    assert (x - 2).creator.label == '_ + (-2.0)'
    assert (x * x).creator.label == '_ * _'
    assert (-x).creator.label == '__neg__'


def test_fast_and_graph_backward_agree():
    # Array-level backward (no double backprop) and Variable-level
    # backward (double backprop) must produce the same gradients.
    a = numpy.random.rand(3, 2).astype('f') + 0.5
    b = numpy.random.rand(2).astype('f') + 0.5
    grads = []
    for double in (False, True):
        va, vb = chainer.Variable(a), chainer.Variable(b)
        y = (va * vb - va / vb + vb ** 2 - 3. / va + (-va) * 2) ** 2
        y.grad = numpy.ones_like(y.array)
        y.backward(enable_double_backprop=double)
        grads.append((va.grad, vb.grad))
    testing.assert_allclose(grads[0][0], grads[1][0])
    testing.assert_allclose(grads[0][1], grads[1][1])
