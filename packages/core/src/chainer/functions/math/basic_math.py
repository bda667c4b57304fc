"""Arithmetic on Variables: the operators ``+ - * / // ** @``, ``-x``,
``abs(x)``, and ``F.add`` / ``F.absolute``.

Binary operators between Variables broadcast like numpy; gradients are
summed back to each operand's shape with ``F.sum_to``. A Python or numpy
scalar operand is cast to the Variable's dtype and handled by a constant
variant (no gradient flows to it). An array operand is a constant Variable.
"""
import chainer
from chainer import backend
from chainer import function_node
from chainer.functions.math._arithmetic import BinaryOp
from chainer.functions.math._arithmetic import check_float
from chainer.functions.math._arithmetic import force
from chainer.functions.math._arithmetic import preprocess_rhs
from chainer.functions.math._arithmetic import sum_to
from chainer.functions.math._arithmetic import sum_to_array
# The constant variants are part of this module's v5 namespace.
from chainer.functions.math._arithmetic_constant import AddConstant  # NOQA
from chainer.functions.math._arithmetic_constant import DivByConstant  # NOQA
from chainer.functions.math._arithmetic_constant import DivFromConstant  # NOQA
from chainer.functions.math._arithmetic_constant import MulConstant  # NOQA
from chainer.functions.math._arithmetic_constant import PowConstVar  # NOQA
from chainer.functions.math._arithmetic_constant import PowVarConst  # NOQA
from chainer.functions.math._arithmetic_constant import SubFromConstant  # NOQA
from chainer import utils
from chainer.utils import type_check
from chainer import variable

_Variable = variable.Variable


class Neg(function_node.FunctionNode):

    @property
    def label(self):
        return '__neg__'

    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types.size() == 1)

    def forward(self, x):
        return force(-x[0], x[0].dtype),

    def backward(self, indexes, gy):
        return -gy[0],

    def _backward_arrays(self, indexes, gy):
        return force(-gy[0], gy[0].dtype),


def neg(self):  # -x
    """Element-wise negation."""
    return Neg().apply((self,))[0]


class Absolute(function_node.FunctionNode):

    @property
    def label(self):
        return '|_|'

    def check_type_forward(self, in_types):
        check_float(in_types)

    def forward(self, x):
        self.retain_inputs((0,))
        return force(abs(x[0]), x[0].dtype),

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


class Add(BinaryOp):

    _label = '_ + _'

    def forward(self, x):
        self.x_shapes = (x[0].shape, x[1].shape)
        return force(x[0] + x[1], x[0].dtype),

    def backward(self, indexes, gy):
        g = gy[0]
        return tuple([sum_to(g, self.x_shapes[i]) for i in indexes])

    def _backward_arrays(self, indexes, gy):
        g = gy[0]
        return tuple([sum_to_array(g, self.x_shapes[i]) for i in indexes])


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
        return force(y, xs[0].dtype),

    def backward(self, indexes, gy):
        g = gy[0]
        return tuple([sum_to(g, self.x_shapes[i]) for i in indexes])

    def _backward_arrays(self, indexes, gy):
        g = gy[0]
        return tuple([sum_to_array(g, self.x_shapes[i]) for i in indexes])


def add(*xs):  # lhs + rhs or add more than 2 variables
    """Element-wise addition of two or more Variables (with broadcasting).

    Summing many Variables at once is faster than chaining ``+``.

    Returns:
        ~chainer.Variable: The sum.
    """
    if len(xs) == 2:
        lhs, rhs = xs
        rhs, const = preprocess_rhs(lhs, rhs)
        if const is not None:
            return AddConstant(const).apply((lhs,))[0]
        return Add().apply((lhs, rhs))[0]
    if len(xs) == 1:
        return chainer.as_variable(xs[0])
    if len(xs) == 0:
        raise ValueError('add requires at least one input')
    return MultiAdd().apply(xs)[0]


class Sub(BinaryOp):

    _label = '_ - _'

    def forward(self, x):
        self.x_shapes = (x[0].shape, x[1].shape)
        return force(x[0] - x[1], x[0].dtype),

    def backward(self, indexes, gy):
        g = gy[0]
        ret = []
        for i in indexes:
            gi = g if i == 0 else -g
            ret.append(sum_to(gi, self.x_shapes[i]))
        return tuple(ret)

    def _backward_arrays(self, indexes, gy):
        g = gy[0]
        return tuple([
            sum_to_array(g if i == 0 else force(-g, g.dtype),
                          self.x_shapes[i]) for i in indexes])


def sub(self, rhs):  # lhs - rhs
    """Element-wise subtraction."""
    rhs, const = preprocess_rhs(self, rhs)
    if const is not None:
        return AddConstant(-const).apply((self,))[0]
    return Sub().apply((self, rhs))[0]


def rsub(self, rhs):  # rhs - lhs
    """Element-wise subtraction with reflected operands."""
    rhs, const = preprocess_rhs(self, rhs)
    if const is not None:
        return SubFromConstant(const).apply((self,))[0]
    return Sub().apply((rhs, self))[0]


class Mul(BinaryOp):

    _label = '_ * _'

    def forward(self, x):
        self.retain_inputs((0, 1))
        return force(x[0] * x[1], x[0].dtype),

    def backward(self, indexes, gy):
        xs = self.get_retained_inputs()
        g = gy[0]
        ret = []
        for i in indexes:
            gi = g * xs[1 - i]
            ret.append(sum_to(gi, xs[i].shape))
        return tuple(ret)

    def _backward_arrays(self, indexes, gy):
        inputs = self.inputs
        xs = (inputs[0]._data, inputs[1]._data)
        g = gy[0]
        return tuple([
            sum_to_array(force(g * xs[1 - i], g.dtype), xs[i].shape)
            for i in indexes])


def mul(self, rhs):  # lhs * rhs
    """Element-wise multiplication."""
    rhs, const = preprocess_rhs(self, rhs)
    if const is not None:
        return MulConstant(const).apply((self,))[0]
    return Mul().apply((self, rhs))[0]


class Div(BinaryOp):

    _label = '_ / _'

    def forward(self, x):
        self.retain_inputs((0, 1))
        return force(x[0] / x[1], x[0].dtype),

    def backward(self, indexes, gy):
        x0, x1 = self.get_retained_inputs()
        g = gy[0]
        ret = []
        gx0 = g / x1
        if 0 in indexes:
            ret.append(sum_to(gx0, x0.shape))
        if 1 in indexes:
            ret.append(sum_to(-gx0 * x0 / x1, x1.shape))
        return tuple(ret)

    def _backward_arrays(self, indexes, gy):
        x0 = self.inputs[0]._data
        x1 = self.inputs[1]._data
        g = gy[0]
        gx0 = force(g / x1, g.dtype)
        ret = []
        if 0 in indexes:
            ret.append(sum_to_array(gx0, x0.shape))
        if 1 in indexes:
            ret.append(sum_to_array(force(-gx0 * x0 / x1, g.dtype),
                                     x1.shape))
        return tuple(ret)


def div(self, rhs):  # lhs / rhs
    """Element-wise division."""
    rhs, const = preprocess_rhs(self, rhs)
    if const is not None:
        return MulConstant(self.dtype.type(1) / const).apply((self,))[0] \
            if self.dtype.kind == 'f' else \
            DivByConstant(const).apply((self,))[0]
    return Div().apply((self, rhs))[0]


def rdiv(self, rhs):  # rhs / lhs
    """Element-wise division with reflected operands."""
    rhs, const = preprocess_rhs(self, rhs)
    if const is not None:
        return DivFromConstant(const).apply((self,))[0]
    return Div().apply((rhs, self))[0]


class FloorDiv(BinaryOp):

    """``lhs // rhs``; piecewise constant, so no gradient flows."""

    _label = '_ // _'

    def forward(self, x):
        xp = backend.get_array_module(*x)
        return force(xp.floor_divide(x[0], x[1]), x[0].dtype),

    def backward(self, indexes, gy):
        return (None,) * len(indexes)


def floordiv(self, rhs):  # lhs // rhs
    """Element-wise floor division (not differentiable)."""
    rhs, const = preprocess_rhs(self, rhs)
    if const is not None:
        rhs = _Variable(utils.force_array(const, self.dtype),
                        requires_grad=False)
    return FloorDiv().apply((self, rhs))[0]


def rfloordiv(self, rhs):  # rhs // lhs
    """Element-wise floor division with reflected operands."""
    rhs, const = preprocess_rhs(self, rhs)
    if const is not None:
        rhs = _Variable(utils.force_array(const, self.dtype),
                        requires_grad=False)
    return FloorDiv().apply((rhs, self))[0]


class PowVarVar(BinaryOp):

    _label = '_ ** _'

    def check_type_forward(self, in_types):
        super(PowVarVar, self).check_type_forward(in_types)
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, x):
        self.retain_inputs((0, 1))
        self.retain_outputs((0,))
        return force(x[0] ** x[1], x[0].dtype),

    def backward(self, indexes, gy):
        x0, x1 = self.get_retained_inputs()
        y = self.get_retained_outputs()[0]
        g = gy[0]
        ret = []
        if 0 in indexes:
            ret.append(sum_to(g * x1 * x0 ** (x1 - 1), x0.shape))
        if 1 in indexes:
            ret.append(sum_to(g * y * chainer.functions.log(x0), x1.shape))
        return tuple(ret)


def pow(self, rhs):  # lhs ** rhs
    """Element-wise power."""
    rhs, const = preprocess_rhs(self, rhs)
    if const is not None:
        return PowVarConst(const).apply((self,))[0]
    return PowVarVar().apply((self, rhs))[0]


def rpow(self, rhs):  # rhs ** lhs
    """Element-wise power with reflected operands."""
    rhs, const = preprocess_rhs(self, rhs)
    if const is not None:
        return PowConstVar(const).apply((self,))[0]
    return PowVarVar().apply((rhs, self))[0]


def matmul(self, rhs):  # lhs @ rhs
    """Matrix product (``F.matmul``)."""
    rhs, const = preprocess_rhs(self, rhs)
    if const is not None:
        raise TypeError('matmul with a scalar operand is not supported')
    return chainer.functions.matmul(self, rhs)


def rmatmul(self, rhs):  # rhs @ lhs
    """Matrix product with reflected operands (``F.matmul``)."""
    rhs, const = preprocess_rhs(self, rhs)
    if const is not None:
        raise TypeError('matmul with a scalar operand is not supported')
    return chainer.functions.matmul(rhs, self)


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
