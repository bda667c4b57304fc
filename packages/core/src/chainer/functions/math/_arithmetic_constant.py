"""Arithmetic between a Variable and a scalar (or array) constant.

These back the operators when one operand is not a Variable, e.g.
``x + 1`` or ``2 ** x``. Each has an array-level backward for plain
backprop (``_backward_arrays``) besides the differentiable one.
"""
import numpy

from chainer.functions.math import _arithmetic
from chainer.functions.math._arithmetic import force


class AddConstant(_arithmetic.ConstantOp):

    _label_format = '_ + %s'

    def forward(self, x):
        return force(x[0] + self.value, x[0].dtype),

    def backward(self, indexes, gy):
        return gy[0],

    def _backward_arrays(self, indexes, gy):
        return gy[0],


class SubFromConstant(_arithmetic.ConstantOp):

    _label_format = '%s - _'

    def forward(self, x):
        return force(self.value - x[0], x[0].dtype),

    def backward(self, indexes, gy):
        return -gy[0],

    def _backward_arrays(self, indexes, gy):
        return force(-gy[0], gy[0].dtype),


class MulConstant(_arithmetic.ConstantOp):

    _label_format = '_ * %s'

    def forward(self, x):
        return force(self.value * x[0], x[0].dtype),

    def backward(self, indexes, gy):
        return gy[0] * self.value,

    def _backward_arrays(self, indexes, gy):
        return force(gy[0] * self.value, gy[0].dtype),


class DivByConstant(_arithmetic.ConstantOp):

    """``x / value`` for integer ``x`` (float ``x`` uses MulConstant)."""

    _label_format = '_ / %s'

    def forward(self, x):
        return force(x[0] / self.value, x[0].dtype),

    def backward(self, indexes, gy):
        return gy[0] / self.value,


class DivFromConstant(_arithmetic.ConstantOp):

    _label_format = '%s / _'
    _float_only = True

    def forward(self, x):
        self.retain_inputs((0,))
        return force(self.value / x[0], x[0].dtype),

    def backward(self, indexes, gy):
        x = self.get_retained_inputs()[0]
        return -self.value * gy[0] / (x * x),


class PowVarConst(_arithmetic.ConstantOp):

    _label_format = '_ ** %s'
    _float_only = True

    def forward(self, x):
        self.retain_inputs((0,))
        return force(x[0] ** self.value, x[0].dtype),

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
            return force(g * (x * x.dtype.type(2)), g.dtype),
        return force(g * value * x ** (value - 1), g.dtype),


class PowConstVar(_arithmetic.ConstantOp):

    _label_format = '%s ** _'
    _float_only = True

    def forward(self, x):
        self.retain_outputs((0,))
        return force(self.value ** x[0], x[0].dtype),

    def backward(self, indexes, gy):
        y = self.get_retained_outputs()[0]
        return gy[0] * y * numpy.log(self.value).astype(y.dtype),
