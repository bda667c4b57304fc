"""Arithmetic on Variables: the operators ``+ - * / // ** @``, ``-x``,
``abs(x)``, and ``F.add`` / ``F.absolute``.

Binary operators between Variables broadcast like numpy; gradients are
summed back to each operand's shape with ``F.sum_to``. A Python or numpy
scalar operand is cast to the Variable's dtype and handled by a constant
variant (no gradient flows to it). An array operand is a constant Variable.
"""
import numpy

import chainer
from chainer import backend
from chainer.backends import cuda
from chainer import function_node
from chainer import utils
from chainer.utils import array as array_utils
from chainer.utils import type_check
from chainer import variable

_Variable = variable.Variable


def _array_types():
    return (numpy.ndarray, cuda.ndarray)


def _force(y, dtype):
    # numpy turns 0-dim results into scalars; keep arrays of the input dtype.
    if type(y) is numpy.ndarray:
        return y if y.dtype == dtype else y.astype(dtype, copy=False)
    return utils.force_array(y, dtype)


def _preprocess_const(x, value):
    return x.dtype.type(value)


def _preprocess_rhs(x, value):
    """Classifies the right operand: ``(Variable, None)`` or
    ``(None, constant)``."""
    if isinstance(value, _Variable):
        return value, None
    if isinstance(value, (int, float, complex, numpy.number, numpy.bool_)):
        return None, _preprocess_const(x, value)
    if isinstance(value, _array_types()):
        return _Variable(value.astype(x.dtype, copy=False),
                         requires_grad=False), None
    raise TypeError(
        'Value must be a scalar, `numpy.ndarray`, `cupy.ndarray` or a '
        '`Variable`.\nActual: {}'.format(type(value)))


def _sum_to(gx, shape):
    if gx.shape == shape:
        return gx
    return chainer.functions.sum_to(gx, shape)


def _sum_to_array(g, shape):
    if g.shape == shape:
        return g
    return utils.force_array(array_utils.sum_to(g, shape))


def _check_binary(in_types, names=('lhs', 'rhs')):
    if type(in_types) is type_check.LightTypeInfoTuple:
        # Light mode (every call on the hot path): plain comparisons.
        if len(in_types) == 2:
            a, b = in_types
            if a.dtype == b.dtype and (
                    a.shape == b.shape or
                    type_check._broadcastable((a.shape, b.shape))):
                return
        raise type_check.InvalidType('', '')
    type_check._argname(in_types, names)
    type_check.expect(
        in_types.size() == 2,
        in_types[0].dtype == in_types[1].dtype,
    )
    type_check.expect_broadcast_shapes(in_types[0].shape, in_types[1].shape)


def _check_float(in_types):
    type_check._argname(in_types, ('x',))
    type_check.expect(in_types.size() == 1, in_types[0].dtype.kind == 'f')


class Neg(function_node.FunctionNode):

    @property
    def label(self):
        return '__neg__'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types.size() == 1)

    def forward(self, x):
        return _force(-x[0], x[0].dtype),

    def backward(self, indexes, gy):
        return -gy[0],

    def _backward_arrays(self, indexes, gy):
        return _force(-gy[0], gy[0].dtype),


def neg(self):  # -x
    """Element-wise negation."""
    return Neg().apply((self,))[0]


class Absolute(function_node.FunctionNode):

    @property
    def label(self):
        return '|_|'

    def check_type_forward(self, in_types):
        _check_float(in_types)

    def forward(self, x):
        self.retain_inputs((0,))
        return _force(abs(x[0]), x[0].dtype),

    def backward(self, indexes, grad_outputs):
        x = self.get_retained_inputs()[0].array
        xp = backend.get_array_module(x)
        sign = utils.force_array(xp.sign(x))
        return grad_outputs[0] * _Variable(sign, requires_grad=False),


def absolute(self):
    """Element-wise absolute value.

    Returns:
        ~chainer.Variable: ``|x|`` with the dtype of ``x``.
    """
    return Absolute().apply((self,))[0]


class Add(function_node.FunctionNode):

    @property
    def label(self):
        return '_ + _'

    def check_type_forward(self, in_types):
        _check_binary(in_types)

    def forward(self, x):
        self.x_shapes = (x[0].shape, x[1].shape)
        return _force(x[0] + x[1], x[0].dtype),

    def backward(self, indexes, gy):
        g = gy[0]
        return tuple([_sum_to(g, self.x_shapes[i]) for i in indexes])

    def _backward_arrays(self, indexes, gy):
        g = gy[0]
        return tuple([_sum_to_array(g, self.x_shapes[i]) for i in indexes])


class AddConstant(function_node.FunctionNode):

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '_ + %s' % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types.size() == 1)

    def forward(self, x):
        return _force(x[0] + self.value, x[0].dtype),

    def backward(self, indexes, gy):
        return gy[0],

    def _backward_arrays(self, indexes, gy):
        return gy[0],


class MultiAdd(function_node.FunctionNode):

    def check_type_forward(self, in_types):
        for i, in_type in enumerate(in_types):
            type_check._argname((in_type,), ('x%d' % i,))
            type_check.expect(in_types[0].dtype == in_type.dtype)
        type_check.expect_broadcast_shapes(*[t.shape for t in in_types])

    def forward(self, xs):
        self.x_shapes = [x.shape for x in xs]
        y = xs[0] + xs[1]
        for x in xs[2:]:
            if y.shape == x.shape:
                y += x
            else:
                y = y + x
        return _force(y, xs[0].dtype),

    def backward(self, indexes, gy):
        g = gy[0]
        return tuple([_sum_to(g, self.x_shapes[i]) for i in indexes])

    def _backward_arrays(self, indexes, gy):
        g = gy[0]
        return tuple([_sum_to_array(g, self.x_shapes[i]) for i in indexes])


def add(*xs):  # lhs + rhs or add more than 2 variables
    """Element-wise addition of two or more Variables (with broadcasting).

    Summing many Variables at once is faster than chaining ``+``.

    Returns:
        ~chainer.Variable: The sum.
    """
    if len(xs) == 2:
        lhs, rhs = xs
        rhs, const = _preprocess_rhs(lhs, rhs)
        if const is not None:
            return AddConstant(const).apply((lhs,))[0]
        return Add().apply((lhs, rhs))[0]
    if len(xs) == 1:
        return chainer.as_variable(xs[0])
    if len(xs) == 0:
        raise ValueError('add requires at least one input')
    return MultiAdd().apply(xs)[0]


class Sub(function_node.FunctionNode):

    @property
    def label(self):
        return '_ - _'

    def check_type_forward(self, in_types):
        _check_binary(in_types)

    def forward(self, x):
        self.x_shapes = (x[0].shape, x[1].shape)
        return _force(x[0] - x[1], x[0].dtype),

    def backward(self, indexes, gy):
        g = gy[0]
        ret = []
        for i in indexes:
            gi = g if i == 0 else -g
            ret.append(_sum_to(gi, self.x_shapes[i]))
        return tuple(ret)

    def _backward_arrays(self, indexes, gy):
        g = gy[0]
        return tuple([
            _sum_to_array(g if i == 0 else _force(-g, g.dtype),
                          self.x_shapes[i]) for i in indexes])


def sub(self, rhs):  # lhs - rhs
    """Element-wise subtraction."""
    rhs, const = _preprocess_rhs(self, rhs)
    if const is not None:
        return AddConstant(-const).apply((self,))[0]
    return Sub().apply((self, rhs))[0]


class SubFromConstant(function_node.FunctionNode):

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '%s - _' % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types.size() == 1)

    def forward(self, x):
        return _force(self.value - x[0], x[0].dtype),

    def backward(self, indexes, gy):
        return -gy[0],

    def _backward_arrays(self, indexes, gy):
        return _force(-gy[0], gy[0].dtype),


def rsub(self, rhs):  # rhs - lhs
    """Element-wise subtraction with reflected operands."""
    rhs, const = _preprocess_rhs(self, rhs)
    if const is not None:
        return SubFromConstant(const).apply((self,))[0]
    return Sub().apply((rhs, self))[0]


class Mul(function_node.FunctionNode):

    @property
    def label(self):
        return '_ * _'

    def check_type_forward(self, in_types):
        _check_binary(in_types)

    def forward(self, x):
        self.retain_inputs((0, 1))
        return _force(x[0] * x[1], x[0].dtype),

    def backward(self, indexes, gy):
        xs = self.get_retained_inputs()
        g = gy[0]
        ret = []
        for i in indexes:
            gi = g * xs[1 - i]
            ret.append(_sum_to(gi, xs[i].shape))
        return tuple(ret)

    def _backward_arrays(self, indexes, gy):
        inputs = self.inputs
        xs = (inputs[0]._data, inputs[1]._data)
        g = gy[0]
        return tuple([
            _sum_to_array(_force(g * xs[1 - i], g.dtype), xs[i].shape)
            for i in indexes])


class MulConstant(function_node.FunctionNode):

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '_ * %s' % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types.size() == 1)

    def forward(self, x):
        return _force(self.value * x[0], x[0].dtype),

    def backward(self, indexes, gy):
        return gy[0] * self.value,

    def _backward_arrays(self, indexes, gy):
        return _force(gy[0] * self.value, gy[0].dtype),


def mul(self, rhs):  # lhs * rhs
    """Element-wise multiplication."""
    rhs, const = _preprocess_rhs(self, rhs)
    if const is not None:
        return MulConstant(const).apply((self,))[0]
    return Mul().apply((self, rhs))[0]


class Div(function_node.FunctionNode):

    @property
    def label(self):
        return '_ / _'

    def check_type_forward(self, in_types):
        _check_binary(in_types)

    def forward(self, x):
        self.retain_inputs((0, 1))
        return _force(x[0] / x[1], x[0].dtype),

    def backward(self, indexes, gy):
        x0, x1 = self.get_retained_inputs()
        g = gy[0]
        ret = []
        gx0 = g / x1
        if 0 in indexes:
            ret.append(_sum_to(gx0, x0.shape))
        if 1 in indexes:
            ret.append(_sum_to(-gx0 * x0 / x1, x1.shape))
        return tuple(ret)

    def _backward_arrays(self, indexes, gy):
        x0 = self.inputs[0]._data
        x1 = self.inputs[1]._data
        g = gy[0]
        gx0 = _force(g / x1, g.dtype)
        ret = []
        if 0 in indexes:
            ret.append(_sum_to_array(gx0, x0.shape))
        if 1 in indexes:
            ret.append(_sum_to_array(_force(-gx0 * x0 / x1, g.dtype),
                                     x1.shape))
        return tuple(ret)


def div(self, rhs):  # lhs / rhs
    """Element-wise division."""
    rhs, const = _preprocess_rhs(self, rhs)
    if const is not None:
        return MulConstant(self.dtype.type(1) / const).apply((self,))[0] \
            if self.dtype.kind == 'f' else \
            DivByConstant(const).apply((self,))[0]
    return Div().apply((self, rhs))[0]


class DivByConstant(function_node.FunctionNode):

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '_ / %s' % _convert_value_to_string(self.value)

    def forward(self, x):
        return _force(x[0] / self.value, x[0].dtype),

    def backward(self, indexes, gy):
        return gy[0] / self.value,


class DivFromConstant(function_node.FunctionNode):

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '%s / _' % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        _check_float(in_types)

    def forward(self, x):
        self.retain_inputs((0,))
        return _force(self.value / x[0], x[0].dtype),

    def backward(self, indexes, gy):
        x = self.get_retained_inputs()[0]
        return -self.value * gy[0] / (x * x),


def rdiv(self, rhs):  # rhs / lhs
    """Element-wise division with reflected operands."""
    rhs, const = _preprocess_rhs(self, rhs)
    if const is not None:
        return DivFromConstant(const).apply((self,))[0]
    return Div().apply((rhs, self))[0]


class FloorDiv(function_node.FunctionNode):

    """``lhs // rhs``; piecewise constant, so no gradient flows."""

    @property
    def label(self):
        return '_ // _'

    def check_type_forward(self, in_types):
        _check_binary(in_types)

    def forward(self, x):
        xp = backend.get_array_module(*x)
        return _force(xp.floor_divide(x[0], x[1]), x[0].dtype),

    def backward(self, indexes, gy):
        return (None,) * len(indexes)


def floordiv(self, rhs):  # lhs // rhs
    """Element-wise floor division (not differentiable)."""
    rhs, const = _preprocess_rhs(self, rhs)
    if const is not None:
        rhs = _Variable(utils.force_array(const, self.dtype),
                        requires_grad=False)
    return FloorDiv().apply((self, rhs))[0]


def rfloordiv(self, rhs):  # rhs // lhs
    """Element-wise floor division with reflected operands."""
    rhs, const = _preprocess_rhs(self, rhs)
    if const is not None:
        rhs = _Variable(utils.force_array(const, self.dtype),
                        requires_grad=False)
    return FloorDiv().apply((rhs, self))[0]


class PowVarVar(function_node.FunctionNode):

    @property
    def label(self):
        return '_ ** _'

    def check_type_forward(self, in_types):
        _check_binary(in_types)
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, x):
        self.retain_inputs((0, 1))
        self.retain_outputs((0,))
        return _force(x[0] ** x[1], x[0].dtype),

    def backward(self, indexes, gy):
        x0, x1 = self.get_retained_inputs()
        y = self.get_retained_outputs()[0]
        g = gy[0]
        ret = []
        if 0 in indexes:
            ret.append(_sum_to(g * x1 * x0 ** (x1 - 1), x0.shape))
        if 1 in indexes:
            ret.append(_sum_to(g * y * chainer.functions.log(x0), x1.shape))
        return tuple(ret)


class PowVarConst(function_node.FunctionNode):

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '_ ** %s' % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        _check_float(in_types)

    def forward(self, x):
        self.retain_inputs((0,))
        return _force(x[0] ** self.value, x[0].dtype),

    def backward(self, indexes, gy):
        x = self.get_retained_inputs()[0]
        value = self.value
        if value == 2:
            return gy[0] * (x * 2),
        return gy[0] * value * x ** (value - 1),

    def _backward_arrays(self, indexes, gy):
        x = self.inputs[0]._data
        g = gy[0]
        value = self.value
        if value == 2:
            return _force(g * (x * x.dtype.type(2)), g.dtype),
        return _force(g * value * x ** (value - 1), g.dtype),


def pow(self, rhs):  # lhs ** rhs
    """Element-wise power."""
    rhs, const = _preprocess_rhs(self, rhs)
    if const is not None:
        return PowVarConst(const).apply((self,))[0]
    return PowVarVar().apply((self, rhs))[0]


class PowConstVar(function_node.FunctionNode):

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return '%s ** _' % _convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        _check_float(in_types)

    def forward(self, x):
        self.retain_outputs((0,))
        value = self.value
        return _force(value ** x[0], x[0].dtype),

    def backward(self, indexes, gy):
        y = self.get_retained_outputs()[0]
        return gy[0] * y * numpy.log(self.value).astype(y.dtype),


def rpow(self, rhs):  # rhs ** lhs
    """Element-wise power with reflected operands."""
    rhs, const = _preprocess_rhs(self, rhs)
    if const is not None:
        return PowConstVar(const).apply((self,))[0]
    return PowVarVar().apply((rhs, self))[0]


def matmul(self, rhs):  # lhs @ rhs
    """Matrix product (``F.matmul``)."""
    rhs, const = _preprocess_rhs(self, rhs)
    if const is not None:
        raise TypeError('matmul with a scalar operand is not supported')
    return chainer.functions.matmul(self, rhs)


def rmatmul(self, rhs):  # rhs @ lhs
    """Matrix product with reflected operands (``F.matmul``)."""
    rhs, const = _preprocess_rhs(self, rhs)
    if const is not None:
        raise TypeError('matmul with a scalar operand is not supported')
    return chainer.functions.matmul(rhs, self)


def _convert_value_to_string(value):
    if isinstance(value, _Variable):
        value = value.array
    if numpy.isscalar(value):
        if value < 0:
            return '({})'.format(value)
        return str(value)
    if isinstance(value, _array_types()):
        return 'constant array'
    raise ValueError('Value must be a Variable, scalar, {} or {}. Actual: {}'
                     .format(numpy.ndarray, cuda.ndarray, type(value)))


def install_variable_arithmetics():
    """Installs the operators on :class:`~chainer.Variable`."""
    V = _Variable
    V.__neg__ = neg
    V.__abs__ = absolute
    V.__add__ = add
    V.__radd__ = add
    V.__sub__ = sub
    V.__rsub__ = rsub
    V.__mul__ = mul
    V.__rmul__ = mul
    V.__div__ = div
    V.__truediv__ = div
    V.__rdiv__ = rdiv
    V.__rtruediv__ = rdiv
    V.__floordiv__ = floordiv
    V.__rfloordiv__ = rfloordiv
    V.__pow__ = pow
    V.__rpow__ = rpow
    V.__matmul__ = matmul
    V.__rmatmul__ = rmatmul
