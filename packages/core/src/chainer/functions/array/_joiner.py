"""Shared node for hstack, vstack and dstack.

Each promotes its inputs to a minimum number of dimensions (as numpy's
``atleast_*d`` do) and concatenates them along one axis. The gradient
splits the output gradient along that axis and reshapes every piece back to
the shape of its input.
"""
import numpy

import chainer.functions
from chainer import backend
from chainer import function_node
from chainer.utils import type_check


class Joiner(function_node.FunctionNode):

    """Base class; subclasses define ``_promote`` and ``_axis``."""

    def _promote(self, shape):
        raise NotImplementedError

    def _axis(self, ndim):
        raise NotImplementedError

    def _join(self, xp, xs):
        raise NotImplementedError

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() > 0)
        n = type_check.eval(in_types.size())
        type_check.argname(in_types, tuple('x{}'.format(i) for i in range(n)))
        x0 = in_types[0]
        for x_type in in_types[1:]:
            type_check.expect(
                x0.dtype == x_type.dtype,
                x0.ndim == x_type.ndim,
            )
        shapes = [self._promote(type_check.eval(t.shape)) for t in in_types]
        axis = self._axis(len(shapes[0]))
        for i, shape in enumerate(shapes[1:], 1):
            if any(a != b for d, (a, b) in enumerate(zip(shapes[0], shape))
                   if d != axis):
                raise type_check.InvalidType(
                    'x0 and x{} have the same shape except on axis {} '
                    '(after promotion)'.format(i, axis),
                    'x0: {}, x{}: {}'.format(shapes[0], i, shape))

    def forward(self, xs):
        self._shapes = [x.shape for x in xs]
        xp = backend.get_array_module(*xs)
        return self._join(xp, xs),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        F = chainer.functions
        promoted = [self._promote(s) for s in self._shapes]
        axis = self._axis(len(promoted[0]))
        sections = numpy.cumsum([s[axis] for s in promoted[:-1]]).tolist()
        gxs = F.split_axis(gy, sections, axis) if sections else (gy,)
        return tuple(F.reshape(g, s) for g, s in zip(gxs, self._shapes))
