"""Class decorator generating standard tests for unary math functions."""
import unittest
import warnings

import numpy

import chainer
from chainer.backends import cuda
from chainer.testing import array
from chainer.testing import attr
from chainer.testing import parameterized


def _is_function_object(func):
    from chainer import function
    return isinstance(func, function.Function)


def _func_name(func):
    if _is_function_object(func):
        return type(func).__name__.lower()
    return func.__name__


def _func_class(func):
    if _is_function_object(func):
        return type(func)
    import chainer.functions
    cls = getattr(chainer.functions, _func_name(func).capitalize(), None)
    return cls if isinstance(cls, type) else None


def _make_data_default(shape, dtype):
    x = numpy.random.uniform(-1, 1, shape).astype(dtype, copy=False)
    gy = numpy.random.uniform(-1, 1, shape).astype(dtype, copy=False)
    ggx = numpy.random.uniform(-1, 1, shape).astype(dtype, copy=False)
    return x, gy, ggx


def _nonlinear(func):
    # Squaring keeps the second derivative of a linear function non-zero.
    def squared(x):
        y = func(x)
        return y * y
    return squared


def _default_options(dtype):
    if dtype == numpy.float16:
        forward = {'atol': 1e-3, 'rtol': 1e-3}
        backward = {'eps': 2 ** -4, 'atol': 2 ** -4, 'rtol': 2 ** -4,
                    'dtype': numpy.float64}
    else:
        forward = {'atol': 1e-4, 'rtol': 1e-4}
        backward = {'atol': 1e-4, 'rtol': 1e-4, 'dtype': numpy.float64}
    return forward, backward, dict(backward)


def _add_tests(klass, func, func_expected, label_expected, make_data,
               is_linear, options):
    new_style = not _is_function_object(func)
    forward_options, backward_options, double_backward_options = options

    def setUp(self):
        data = make_data(self.shape, self.dtype)
        self.x, self.gy = data[0], data[1]
        self.ggx = data[2] if new_style else None
        fwd, bwd, dbl = _default_options(self.dtype)
        self.forward_options = fwd if forward_options is None \
            else forward_options
        self.backward_options = bwd if backward_options is None \
            else backward_options
        self.double_backward_options = dbl \
            if double_backward_options is None else double_backward_options

    def check_forward(self, x_data):
        y = func(chainer.Variable(x_data))
        assert y.array.dtype == x_data.dtype
        expected = func_expected(cuda.to_cpu(x_data), dtype=x_data.dtype)
        array.assert_allclose(expected, y.array, **self.forward_options)

    def check_backward(self, x_data, y_grad):
        from chainer import gradient_check
        gradient_check.check_backward(func, x_data, y_grad,
                                      **self.backward_options)

    def check_double_backward(self, x_data, y_grad, x_grad_grad):
        from chainer import gradient_check
        f = _nonlinear(func) if is_linear else func
        gradient_check.check_double_backward(
            f, x_data, y_grad, x_grad_grad, **self.double_backward_options)

    def test_forward_cpu(self):
        self.check_forward(self.x)

    @attr.gpu
    def test_forward_gpu(self):
        self.check_forward(cuda.to_gpu(self.x))

    def test_backward_cpu(self):
        self.check_backward(self.x, self.gy)

    @attr.gpu
    def test_backward_gpu(self):
        self.check_backward(cuda.to_gpu(self.x), cuda.to_gpu(self.gy))

    def test_double_backward_cpu(self):
        self.check_double_backward(self.x, self.gy, self.ggx)

    @attr.gpu
    def test_double_backward_gpu(self):
        self.check_double_backward(cuda.to_gpu(self.x), cuda.to_gpu(self.gy),
                                   cuda.to_gpu(self.ggx))

    methods = [setUp, check_forward, test_forward_cpu, test_forward_gpu,
               check_backward, test_backward_cpu, test_backward_gpu]
    if new_style:  # v5: Function objects get no double-backward tests
        methods += [check_double_backward, test_double_backward_cpu,
                    test_double_backward_gpu]
    func_class = _func_class(func)
    if func_class is not None:
        def test_label(self):
            assert func_class().label == label_expected
        methods.append(test_label)
    for method in methods:
        setattr(klass, method.__name__, method)


def unary_math_function_unittest(func, func_expected=None,
                                 label_expected=None, make_data=None,
                                 is_linear=None, forward_options=None,
                                 backward_options=None,
                                 double_backward_options=None):
    """Decorator for testing unary mathematical Chainer functions.

    The decorated ``unittest.TestCase`` class gets forward, backward and
    (for functions, not ``Function`` objects) double-backward tests on CPU
    and GPU, parameterized over shapes ``(3, 2)`` and ``()`` and dtypes
    float16, float32 and float64, plus a label test when ``func`` has a
    ``Function`` class.

    Example::

        @testing.unary_math_function_unittest(F.sin)
        class TestSin(unittest.TestCase):
            pass

    Args:
        func: The Chainer function (or ``Function`` object) to test.
        func_expected: Reference implementation called as
            ``func_expected(x, dtype=x.dtype)``; defaults to the NumPy
            function of the same name.
        label_expected (str): Expected label of the ``Function`` class;
            defaults to the name of ``func``.
        make_data: ``make_data(shape, dtype)`` returning ``(x, gy, ggx)``
            (``(x, gy)`` for ``Function`` objects). Defaults to uniform
            values in ``[-1, 1]``.
        is_linear (bool): Deprecated; when true, ``func`` is squared for
            the double-backward test.
        forward_options (dict): Options of
            :func:`~chainer.testing.assert_allclose`.
        backward_options (dict): Options of
            :func:`~chainer.gradient_check.check_backward`.
        double_backward_options (dict): Options of
            :func:`~chainer.gradient_check.check_double_backward`.
    """
    name = _func_name(func)
    if func_expected is None:
        try:
            func_expected = getattr(numpy, name)
        except AttributeError:
            raise ValueError("NumPy has no functions corresponding to "
                             "Chainer function '{}'.".format(name))
    if label_expected is None:
        label_expected = name
    elif _func_class(func) is None:
        raise ValueError('Expected label is given even though Chainer '
                         'function does not have its label.')
    if make_data is None:
        make_data = _make_data_default
    if is_linear is not None:
        warnings.warn('is_linear option is deprecated', DeprecationWarning)

    def decorator(klass):
        if not (isinstance(klass, type)
                and issubclass(klass, unittest.TestCase)):
            raise TypeError('unary_math_function_unittest decorates a '
                            'unittest.TestCase subclass')
        _add_tests(klass, func, func_expected, label_expected, make_data,
                   is_linear,
                   (forward_options, backward_options,
                    double_backward_options))
        return parameterized.parameterize(*parameterized.product({
            'shape': [(3, 2), ()],
            'dtype': [numpy.float16, numpy.float32, numpy.float64],
        }))(klass)
    return decorator
