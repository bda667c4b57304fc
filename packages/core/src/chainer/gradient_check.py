"""Numerical gradients and checks of backward implementations."""
import math

import numpy

import chainer
from chainer import _numerical_grad
from chainer import backend
from chainer import function_node
from chainer import testing
from chainer import variable

# v5 re-exports the testing helper here.
assert_allclose = testing.assert_allclose
# Defined in a private module by concern; this is their public home.
NondifferentiableError = _numerical_grad.NondifferentiableError
numerical_grad = _numerical_grad.numerical_grad


class _GradientSetter(function_node.FunctionNode):

    """Joins all outputs so that a single backward() feeds each its grad."""

    def __init__(self, grads):
        self.grads = grads

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        return xp.zeros((), numpy.float64),

    def backward(self, indexes, grad_outputs):
        return tuple(None if self.grads[i] is None
                     else variable.Variable(self.grads[i],
                                            requires_grad=False)
                     for i in indexes)


def _outputs(func, xs):
    ys = _numerical_grad.as_tuple(func(*xs))
    for y in ys:
        if not isinstance(y, variable.Variable):
            raise TypeError('func must return a Variable or a tuple of '
                            'Variables, got {}'.format(type(y)))
    return ys


def _output_grads(ys, y_grad):
    if y_grad is None:
        if len(ys) != 1 or ys[0].size != 1:
            raise ValueError(
                'When `y_grad` is `None`, the function must return a '
                'zero-dimensional array (got {} outputs of shapes {})'.format(
                    len(ys), [y.shape for y in ys]))
        y, = ys
        return backend.get_array_module(y.array).ones_like(y.array),
    if len(ys) != len(y_grad):
        raise ValueError(
            '`y_grad` must have the same length as the outputs of func.\n'
            'Actual: {} != {}'.format(len(y_grad), len(ys)))
    for i, (y, gy) in enumerate(zip(ys, y_grad)):
        if gy is not None and gy.shape != y.shape:
            raise ValueError(
                'shape of y_grad[{}] {} differs from the output shape '
                '{}'.format(i, gy.shape, y.shape))
    return y_grad


def _directions(xp, shapes):
    # A random unit vector over all checked inputs, so the scale of the
    # finite-difference error does not grow with the number of elements.
    directions = [xp.random.normal(size=shape) for shape in shapes]
    norm = math.sqrt(sum(float((d * d).sum()) for d in directions))
    if norm != 0:  # zero only when every input is empty
        directions = [d / norm for d in directions]
    return directions


def _backprop_slope(func, x_data, params, no_grads, y_grad):
    """Returns outputs, output grads, and the backprop gradient arrays."""
    xs = [variable.Variable(x, requires_grad=not skip)
          for x, skip in zip(x_data, no_grads)]
    ys = _outputs(func, xs)
    gys = _output_grads(ys, y_grad)
    # func may call backward itself; start from clean gradients.
    for v in xs + list(params):
        v.cleargrad()
    z, = _GradientSetter(gys).apply(ys)
    z.grad = backend.get_array_module(z.array).ones_like(z.array)
    z.backward()
    grads = [x.grad for x, skip in zip(xs, no_grads) if not skip]
    return ys, gys, grads + [p.grad for p in params]


def _numeric_slope(xp, func, x_data, params, no_grads, directions, gys,
                   eps, dtype, detect_nondifferentiable, center, rtol):
    """Derivative of ``sum(gy * func(x + delta * direction))`` at 0."""
    params_data = [p.array for p in params]
    targets = [x for x, skip in zip(x_data, no_grads) if not skip]
    targets += params_data
    if dtype is not None:
        targets = [t.astype(dtype, copy=False) for t in targets]
    delta = xp.array(0., numpy.float64)  # moved in place by numerical_grad

    def shifted():
        data = [xp.asarray((t.astype(numpy.float64) + delta * d)
                           .astype(t.dtype, copy=False))
                for t, d in zip(targets, directions)]
        xs = []
        for x, skip in zip(x_data, no_grads):
            xs.append(variable.Variable(x, requires_grad=False) if skip
                      else variable.Variable(data.pop(0)))
        for p, value in zip(params, data):
            p.array = value
        try:
            for v in xs + list(params):
                v.cleargrad()
            return tuple(y.array for y in _outputs(func, xs))
        finally:
            for p, value in zip(params, params_data):
                p.array = value

    slope, = numerical_grad(
        shifted, (delta,), gys, eps=eps,
        detect_nondifferentiable=detect_nondifferentiable,
        diff_atol=0, diff_rtol=rtol, center_outputs=center)
    return slope


def _describe(title, arrays):
    return ''.join('{}[{}]:\n{}\n'.format(title, i, a)
                   for i, a in enumerate(arrays))


def check_backward(func, x_data, y_grad, params=(), eps=1e-3, atol=1e-5,
                   rtol=1e-4, no_grads=None, dtype=None,
                   detect_nondifferentiable=False):
    """Test backward procedure of a given function.

    Runs ``func`` on Variables made from ``x_data``, backpropagates
    ``y_grad`` and compares the gradient projected on a random unit
    direction ``r`` with the numerical derivative of
    ``g(delta) = sum(y_grad * func(x + delta * r))`` at ``delta = 0``.
    One finite difference thus checks every input element at once.

    Args:
        func (callable): Takes Variables and returns a Variable or a tuple
            of Variables (a function, ``Function``, ``FunctionNode`` apply
            wrapper or ``Link``). It is called many times, so it must be
            deterministic.
        x_data (ndarray or tuple of ndarrays): Inputs of ``func``. Inputs
            with a non-float dtype get no gradient.
        y_grad (ndarray or tuple of ndarrays or None): Gradients of the
            outputs; ``None`` for a function returning one scalar (a loss).
        params (Variable or tuple of Variables): Parameters (e.g. of a
            Link) whose gradients are also checked.
        eps (float): Step passed to :func:`numerical_grad`.
        atol (float): Absolute tolerance of the comparison.
        rtol (float): Relative tolerance of the comparison.
        no_grads (list of bool): ``True`` for inputs whose gradient is not
            checked; the same length as ``x_data``.
        dtype: A float dtype to which inputs and params are cast for the
            numerical gradient (backprop keeps the original dtypes).
        detect_nondifferentiable (bool): Raise
            :class:`NondifferentiableError` if ``func`` is not
            differentiable at ``x_data``.

    Raises:
        AssertionError: If the gradients differ, with both values.

    >>> x = numpy.array([1., 2., 3.])
    >>> check_backward(lambda x: x * x, x, numpy.ones(3))
    """
    x_data = _numerical_grad.as_tuple(x_data)
    y_grad = None if y_grad is None else _numerical_grad.as_tuple(y_grad)
    params = _numerical_grad.as_tuple(params)
    if dtype is not None and numpy.dtype(dtype).kind != 'f':
        raise ValueError('`dtype` is allowed only float type')
    if no_grads is None:
        no_grads = [x.dtype.kind != 'f' for x in x_data]
    elif len(no_grads) != len(x_data):
        raise ValueError(
            'Length of no_grads param and xs should be same.\n'
            'Actual: {0} != {1}'.format(len(no_grads), len(x_data)))
    else:  # integer inputs can never be differentiated
        no_grads = [bool(s) or x.dtype.kind != 'f'
                    for s, x in zip(no_grads, x_data)]

    # Forward first: it may initialize lazily shaped parameters.
    ys, gys, grads = _backprop_slope(func, x_data, params, no_grads, y_grad)
    shapes = [x.shape for x, s in zip(x_data, no_grads) if not s]
    shapes += [p.shape for p in params]
    xp = backend.get_array_module(*(list(x_data) + [p.array for p in params]))
    directions = _directions(xp, shapes)

    backward = 0.
    for i, (g, d) in enumerate(zip(grads, directions)):
        if g is None:
            continue  # not reached by backprop: a zero gradient
        if g.shape != d.shape:
            raise AssertionError(
                'gradient {} has shape {}, expected {}'.format(
                    i, g.shape, d.shape))
        backward += float((g.astype(numpy.float64) * d).sum())

    # Outputs at the original dtype cannot serve as the center sample.
    center = [y.array for y in ys] if dtype is None else None
    numeric = _numeric_slope(xp, func, x_data, params, no_grads,
                             directions, gys, eps, dtype,
                             detect_nondifferentiable, center, rtol)
    try:
        testing.assert_allclose(numeric, backward, atol=atol, rtol=rtol)
    except AssertionError as e:
        raise AssertionError(
            'check_backward failed (eps={} atol={} rtol={})\n{}{}{}'
            'gradients (numeric):  {}\ngradients (backward): {}\n\n{}'
            .format(eps, atol, rtol, _describe('inputs', x_data),
                    _describe('grad_outputs', gys),
                    _describe('directions', directions),
                    numeric, backward, e)) from None


def _first_order_grad(func, n_x, differentiable, params, ones_grad):
    """Builds ``(x..., gy...) -> (gx..., gparam...)`` for double backward."""
    def first_order(*inputs):
        xs = list(inputs[:n_x])
        for i, d in enumerate(differentiable):
            if d and not xs[i].requires_grad:
                # Not checked at second order; a fresh leaf still yields
                # its gradient as a function of the other inputs.
                xs[i] = variable.Variable(xs[i].array)
        ys = _outputs(func, xs)
        gys = list(inputs[n_x:])
        if ones_grad:
            gys = _output_grads(ys, None)
            gys = [variable.Variable(g, requires_grad=False) for g in gys]
        elif len(gys) != len(ys):
            raise ValueError(
                '`y_grad` must have the same length as the outputs of func.'
                '\nActual: {} != {}'.format(len(gys), len(ys)))
        wrt = [x for x, d in zip(xs, differentiable) if d] + list(params)
        grads = chainer.grad(list(ys), wrt, grad_outputs=gys,
                             enable_double_backprop=True)
        # An input the outputs do not depend on has a zero gradient.
        return tuple(
            variable.Variable(
                backend.get_array_module(v.array).zeros_like(v.array))
            if g is None else g for g, v in zip(grads, wrt))
    return first_order


def check_double_backward(func, x_data, y_grad, x_grad_grad, params=(),
                          params_grad_grad=(), eps=1e-3, atol=1e-4,
                          rtol=1e-3, no_grads=None, dtype=None,
                          detect_nondifferentiable=False):
    """Test twice differentiation of a given procedure.

    Checks the second-order gradient by running :func:`check_backward` on
    the first-order gradient function ``(x, gy) -> (gx, gparams)``, built
    with :func:`chainer.grad` and ``enable_double_backprop=True``. The
    output gradients ``gy`` are inputs of that function, so linear
    functions are also checked.

    Args:
        func (callable): As in :func:`check_backward`.
        x_data (ndarray or tuple of ndarrays): Inputs of ``func``.
        y_grad (ndarray or tuple of ndarrays or None): Gradients of the
            outputs of ``func`` (``None`` for a scalar loss).
        x_grad_grad (ndarray or tuple of ndarrays): Gradients of the
            first-order input gradients, one per float input.
        params (Variable or tuple of Variables): Parameters to check.
        params_grad_grad (ndarray or tuple of ndarrays): Gradients of the
            first-order parameter gradients, one per parameter.
        eps, atol, rtol, dtype, detect_nondifferentiable: As in
            :func:`check_backward`.
        no_grads (list of bool): Inputs (of ``x_data``, optionally followed
            by ``y_grad``) whose gradient is not checked.

    Raises:
        AssertionError: If the second-order gradients differ.
    """
    x_data = _numerical_grad.as_tuple(x_data)
    params = _numerical_grad.as_tuple(params)
    y_grad = () if y_grad is None else _numerical_grad.as_tuple(y_grad)
    x_grad_grad = _numerical_grad.as_tuple(x_grad_grad)
    params_grad_grad = _numerical_grad.as_tuple(params_grad_grad)
    differentiable = [x.dtype.kind == 'f' for x in x_data]
    if len(x_grad_grad) != sum(differentiable):
        raise ValueError(
            'x_grad_grad needs one array per float input: {} != {}'.format(
                len(x_grad_grad), sum(differentiable)))
    if len(params_grad_grad) != len(params):
        raise ValueError(
            'params_grad_grad needs one array per param: {} != {}'.format(
                len(params_grad_grad), len(params)))
    inputs = x_data + y_grad
    if no_grads is not None:
        if len(no_grads) == len(x_data):
            no_grads = list(no_grads) + [False] * len(y_grad)
        elif len(no_grads) != len(inputs):
            raise ValueError(
                'Length of no_grads param and xs should be same.\n'
                'Actual: {0} != {1}'.format(len(no_grads), len(x_data)))
    first_order = _first_order_grad(func, len(x_data), differentiable,
                                    params, not y_grad)
    try:
        check_backward(first_order, inputs, x_grad_grad + params_grad_grad,
                       params=params, eps=eps, atol=atol, rtol=rtol,
                       no_grads=no_grads, dtype=dtype,
                       detect_nondifferentiable=detect_nondifferentiable)
    except AssertionError as e:
        raise AssertionError(
            'check_double_backward failed (eps={} atol={} rtol={})\n'
            '{}{}{}{}\n{}'.format(
                eps, atol, rtol, _describe('input', x_data),
                _describe('grad_output', y_grad),
                _describe('grad_grad_input', x_grad_grad),
                _describe('grad_grad_param', params_grad_grad), e)) from None
