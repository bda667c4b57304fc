"""Helpers shared by the arithmetic nodes of ``basic_math``."""
import numpy

import chainer
from chainer.backends import cuda
from chainer import function_node
from chainer import utils
from chainer.utils import array as array_utils
from chainer.utils import type_check
from chainer import variable

_Variable = variable.Variable


def array_types():
    return (numpy.ndarray, cuda.ndarray)


def force(y, dtype):
    # numpy turns 0-dim results into scalars; keep arrays of the input dtype.
    if type(y) is numpy.ndarray:
        return y if y.dtype == dtype else y.astype(dtype, copy=False)
    return utils.force_array(y, dtype)


def preprocess_const(x, value):
    return x.dtype.type(value)


def preprocess_rhs(x, value):
    """Classifies the right operand: ``(Variable, None)`` or
    ``(None, constant)``."""
    if isinstance(value, _Variable):
        return value, None
    if isinstance(value, (int, float, complex, numpy.number, numpy.bool_)):
        return None, preprocess_const(x, value)
    if isinstance(value, array_types()):
        return _Variable(value.astype(x.dtype, copy=False),
                         requires_grad=False), None
    raise TypeError(
        'Value must be a scalar, `numpy.ndarray`, `cupy.ndarray` or a '
        '`Variable`.\nActual: {}'.format(type(value)))


def sum_to(gx, shape):
    if gx.shape == shape:
        return gx
    return chainer.functions.sum_to(gx, shape)


def sum_to_array(g, shape):
    if g.shape == shape:
        return g
    return utils.force_array(array_utils.sum_to(g, shape))


def check_binary(in_types, names=('lhs', 'rhs')):
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


def check_float(in_types):
    type_check._argname(in_types, ('x',))
    type_check.expect(in_types.size() == 1, in_types[0].dtype.kind == 'f')


def convert_value_to_string(value):
    if isinstance(value, _Variable):
        value = value.array
    if numpy.isscalar(value):
        if value < 0:
            return '({})'.format(value)
        return str(value)
    if isinstance(value, array_types()):
        return 'constant array'
    raise ValueError('Value must be a Variable, scalar, {} or {}. Actual: {}'
                     .format(numpy.ndarray, cuda.ndarray, type(value)))



class ConstantOp(function_node.FunctionNode):

    """An op between one Variable and a constant ``value``.

    Subclasses set ``_label_format`` (``'_ + %s'``) and, for ops defined
    only on floats, ``_float_only``. No gradient flows to the constant.
    """

    _label_format = None
    _float_only = False

    def __init__(self, value):
        self.value = value

    @property
    def label(self):
        return self._label_format % convert_value_to_string(self.value)

    def check_type_forward(self, in_types):
        if self._float_only:
            check_float(in_types)
            return
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types.size() == 1)


class BinaryOp(function_node.FunctionNode):

    """An op between two Variables that broadcast against each other.

    Subclasses set ``_label`` (``'_ + _'``); the inputs must share a dtype
    and have broadcastable shapes.
    """

    _label = None

    @property
    def label(self):
        return self._label

    def check_type_forward(self, in_types):
        check_binary(in_types)
