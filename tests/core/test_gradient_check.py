import numpy
import pytest

import chainer
from chainer import function_node
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr


# Tiny FunctionNodes with known derivatives; ``wrong`` corrupts a gradient.

class _Cube(function_node.FunctionNode):

    def __init__(self, wrong=False):
        self.wrong = wrong

    def forward(self, inputs):
        x, = inputs
        self.retain_inputs((0,))
        return x ** 3,

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        gy, = grad_outputs
        return (2.5 if self.wrong else 3.) * x * x * gy,


class _Mul(function_node.FunctionNode):

    def __init__(self, wrong_input=None):
        self.wrong_input = wrong_input

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, y = inputs
        return x * y,

    def backward(self, indexes, grad_outputs):
        x, y = self.get_retained_inputs()
        gy, = grad_outputs
        grads = [gy * y, gy * x]
        if self.wrong_input is not None:
            grads[self.wrong_input] = grads[self.wrong_input] * 1.5
        return tuple(grads[i] for i in indexes)


class _SinCos(function_node.FunctionNode):

    """Two outputs; its backward is not differentiable (array constants)."""

    def __init__(self, wrong=False):
        self.wrong = wrong

    def forward(self, inputs):
        x, = inputs
        self.retain_inputs((0,))
        return numpy.sin(x), numpy.cos(x)

    def backward(self, indexes, grad_outputs):
        x = self.get_retained_inputs()[0].array
        g0, g1 = grad_outputs
        gx = numpy.zeros_like(x)
        if g0 is not None:
            gx = gx + g0.array * numpy.cos(x)
        if g1 is not None:
            gx = gx - g1.array * numpy.sin(x) * (-1 if self.wrong else 1)
        return chainer.Variable(gx),


class _Take(function_node.FunctionNode):

    """``x[indices]`` with an integer index input that gets no gradient."""

    def forward(self, inputs):
        x, indices = inputs
        self.retain_inputs((1,))
        self.shape = x.shape
        return x[indices],

    def backward(self, indexes, grad_outputs):
        indices = self.get_retained_inputs()[0].array
        gx = numpy.zeros(self.shape, grad_outputs[0].dtype)
        numpy.add.at(gx, indices, grad_outputs[0].array)
        return tuple(chainer.Variable(gx) if i == 0 else None
                     for i in indexes)


class _Scale(function_node.FunctionNode):

    """``x * n`` for an integer array ``n``; differentiable backward."""

    def forward(self, inputs):
        x, n = inputs
        self.retain_inputs((1,))
        return x * n.astype(x.dtype),

    def backward(self, indexes, grad_outputs):
        n = self.get_retained_inputs()[0].array
        gy, = grad_outputs
        return tuple(gy * n.astype(gy.dtype) if i == 0 else None
                     for i in indexes)


class _SquareGrad(function_node.FunctionNode):

    """``(x, gy) -> 2 x gy`` with an optionally wrong derivative in x."""

    def __init__(self, wrong):
        self.wrong = wrong

    def forward(self, inputs):
        self.retain_inputs((0, 1))
        x, gy = inputs
        return 2 * x * gy,

    def backward(self, indexes, grad_outputs):
        x, gy = self.get_retained_inputs()
        ggx, = grad_outputs
        grads = (2 * gy * ggx * (3. if self.wrong else 1.), 2 * x * ggx)
        return tuple(grads[i] for i in indexes)


class _Square(function_node.FunctionNode):

    def __init__(self, wrong_double=False):
        self.wrong_double = wrong_double

    def forward(self, inputs):
        self.retain_inputs((0,))
        return inputs[0] * inputs[0],

    def backward(self, indexes, grad_outputs):
        x, = self.get_retained_inputs()
        return _SquareGrad(self.wrong_double).apply((x, grad_outputs[0]))


class _Abs(function_node.FunctionNode):

    def forward(self, inputs):
        self.retain_inputs((0,))
        return numpy.abs(inputs[0]),

    def backward(self, indexes, grad_outputs):
        x = self.get_retained_inputs()[0].array
        return chainer.Variable(numpy.sign(x)) * grad_outputs[0],


def _apply(node):
    def f(*xs):
        ys = node().apply(xs)
        return ys[0] if len(ys) == 1 else ys
    return f


def _uniform(*shape, low=-1., high=1., dtype=numpy.float64):
    return numpy.random.uniform(low, high, shape).astype(dtype)


@pytest.fixture(autouse=True)
def _seed():
    numpy.random.seed(0)


class TestNumericalGrad(object):

    def test_sin(self):
        x = _uniform(3, 4)
        gy = _uniform(3, 4)
        gx, = gradient_check.numerical_grad(
            lambda: (numpy.sin(x),), (x,), (gy,))
        testing.assert_allclose(gx, numpy.cos(x) * gy, atol=1e-6, rtol=1e-5)

    def test_two_inputs(self):
        x, y = _uniform(5), _uniform(5)
        x0, y0 = x.copy(), y.copy()
        gz = _uniform(5)
        gx, gy = gradient_check.numerical_grad(
            lambda: (x * y,), (x, y), (gz,))
        testing.assert_allclose(gx, y0 * gz, atol=1e-10, rtol=1e-8)
        testing.assert_allclose(gy, x0 * gz, atol=1e-10, rtol=1e-8)
        # Inputs are perturbed in place and restored exactly.
        numpy.testing.assert_array_equal(x, x0)
        numpy.testing.assert_array_equal(y, y0)

    def test_multi_output_and_none_grad(self):
        x = _uniform(2, 3)
        g0, g1 = _uniform(2, 3), _uniform(2, 3)

        def f():
            return numpy.sin(x), numpy.exp(x)
        gx, = gradient_check.numerical_grad(f, (x,), (g0, g1))
        testing.assert_allclose(
            gx, numpy.cos(x) * g0 + numpy.exp(x) * g1, atol=1e-6, rtol=1e-5)
        gx, = gradient_check.numerical_grad(f, (x,), (None, g1))
        testing.assert_allclose(gx, numpy.exp(x) * g1, atol=1e-6, rtol=1e-5)

    def test_scalar_and_reduction(self):
        x = numpy.array(0.7)
        gx, = gradient_check.numerical_grad(
            lambda: (x ** 2,), (x,), (numpy.array(1.),))
        assert gx.shape == ()
        testing.assert_allclose(gx, 1.4)

    def test_dtype_follows_input(self):
        x = _uniform(3, dtype=numpy.float32)
        gx, = gradient_check.numerical_grad(
            lambda: (x * 2,), (x,), (numpy.ones(3, numpy.float32),), eps=1e-2)
        assert gx.dtype == numpy.float32
        testing.assert_allclose(gx, numpy.full(3, 2.), atol=1e-3)

    def test_float16_input(self):
        x = numpy.array([0.5, 1.], numpy.float16)
        gx, = gradient_check.numerical_grad(
            lambda: (x * 3,), (x,), (numpy.ones(2),), eps=2 ** -6)
        testing.assert_allclose(gx, [3., 3.], atol=0, rtol=0)

    def test_third_order_with_detection(self):
        x = numpy.array([0.3, 1.1])
        ones = numpy.ones(2)
        plain, = gradient_check.numerical_grad(
            lambda: (numpy.exp(x),), (x,), (ones,), eps=0.1)
        better, = gradient_check.numerical_grad(
            lambda: (numpy.exp(x),), (x,), (ones,), eps=0.1,
            detect_nondifferentiable=True)
        error_plain = numpy.abs(plain - numpy.exp(x)).max()
        error_better = numpy.abs(better - numpy.exp(x)).max()
        assert error_better < error_plain / 100

    def test_abs_at_zero_is_nondifferentiable(self):
        x = numpy.array([1., 0., -2.])
        with pytest.raises(gradient_check.NondifferentiableError) as info:
            gradient_check.numerical_grad(
                lambda: (numpy.abs(x),), (x,), (numpy.ones(3),),
                detect_nondifferentiable=True)
        assert 'index on x: (1,)' in str(info.value)
        # Away from the kink it is fine.
        x = numpy.array([1., -2.])
        gx, = gradient_check.numerical_grad(
            lambda: (numpy.abs(x),), (x,), (numpy.ones(2),),
            detect_nondifferentiable=True)
        testing.assert_allclose(gx, [1., -1.])

    def test_changing_finiteness_is_nondifferentiable(self):
        x = numpy.array([0.])
        with numpy.errstate(all='ignore'), pytest.raises(
                gradient_check.NondifferentiableError):
            gradient_check.numerical_grad(
                lambda: (numpy.log(x + 1e-4),), (x,), (numpy.ones(1),),
                detect_nondifferentiable=True)

    def test_nonfinite_everywhere_is_not_an_error(self):
        x = numpy.array([-1.])
        with numpy.errstate(all='ignore'):
            gradient_check.numerical_grad(
                lambda: (numpy.log(x),), (x,), (numpy.ones(1),),
                detect_nondifferentiable=True)

    def test_center_outputs_save_a_call(self):
        x = numpy.array([0.5])
        calls = []

        def f():
            calls.append(1)
            return x * x,
        gradient_check.numerical_grad(f, (x,), (numpy.ones(1),),
                                      detect_nondifferentiable=True,
                                      center_outputs=(x * x,))
        assert len(calls) == 4
        gradient_check.numerical_grad(f, (x,), (numpy.ones(1),),
                                      detect_nondifferentiable=True)
        assert len(calls) == 9

    def test_errors(self):
        x = numpy.ones(2)
        f = lambda: (x,)  # NOQA
        with pytest.raises(ValueError):
            gradient_check.numerical_grad(f, (x,), (x,), eps=0)
        with pytest.raises(RuntimeError):
            gradient_check.numerical_grad(
                lambda: (x,), (numpy.ones(2, numpy.int32),), (x,))
        with pytest.raises(ValueError):
            gradient_check.numerical_grad(f, (x,), (x, x))
        with pytest.raises(ValueError):
            gradient_check.numerical_grad(f, (x,), (numpy.ones(3),))

    def test_assert_allclose_alias(self):
        assert gradient_check.assert_allclose is testing.assert_allclose


class TestCheckBackward(object):

    def test_correct_node_passes(self):
        gradient_check.check_backward(_apply(_Cube), _uniform(3, 2),
                                      _uniform(3, 2))

    def test_wrong_node_fails_with_values(self):
        with pytest.raises(AssertionError) as info:
            gradient_check.check_backward(
                _apply(lambda: _Cube(wrong=True)),
                _uniform(3, 2, low=0.5), _uniform(3, 2, low=0.5))
        message = str(info.value)
        assert 'check_backward failed' in message
        assert 'gradients (numeric):' in message
        assert 'gradients (backward):' in message
        assert 'inputs[0]:' in message and 'directions[0]:' in message

    @pytest.mark.parametrize('wrong_input', [0, 1])
    def test_each_input_is_checked(self, wrong_input):
        xs = (_uniform(4, low=0.5), _uniform(4, low=0.5))
        with pytest.raises(AssertionError):
            gradient_check.check_backward(
                _apply(lambda: _Mul(wrong_input)), xs, _uniform(4, low=0.5))
        gradient_check.check_backward(_apply(_Mul), xs, _uniform(4))

    def test_no_grads_skips_an_input(self):
        xs = (_uniform(4, low=0.5), _uniform(4, low=0.5))
        gradient_check.check_backward(
            _apply(lambda: _Mul(wrong_input=1)), xs, _uniform(4),
            no_grads=[False, True])
        with pytest.raises(ValueError):
            gradient_check.check_backward(
                _apply(_Mul), xs, _uniform(4), no_grads=[False])

    def test_multiple_outputs(self):
        x = _uniform(2, 3)
        gys = (_uniform(2, 3), _uniform(2, 3))
        gradient_check.check_backward(_apply(_SinCos), x, gys)
        gradient_check.check_backward(_apply(_SinCos), x, (None, gys[1]))
        with pytest.raises(AssertionError):
            gradient_check.check_backward(
                _apply(lambda: _SinCos(wrong=True)),
                _uniform(2, 3, low=0.5), (None, _uniform(2, 3, low=0.5)))

    def test_y_grad_length_and_shape_errors(self):
        x = _uniform(2, 3)
        with pytest.raises(ValueError):
            gradient_check.check_backward(_apply(_SinCos), x, _uniform(2, 3))
        with pytest.raises(ValueError):
            gradient_check.check_backward(_apply(_Cube), x,
                                          (_uniform(2, 3),) * 2)
        with pytest.raises(ValueError):
            gradient_check.check_backward(_apply(_Cube), x, _uniform(3, 2))

    def test_scalar_loss_with_none_y_grad(self):
        def loss(x):
            y, = _Cube().apply((x,))
            return chainer.functions.sum(y)
        gradient_check.check_backward(loss, _uniform(3), None)
        with pytest.raises(ValueError):
            gradient_check.check_backward(_apply(_Cube), _uniform(3), None)

    def test_integer_input_gets_no_gradient(self):
        x = _uniform(5)
        indices = numpy.array([0, 2, 2, 4], numpy.int32)
        gradient_check.check_backward(_apply(_Take), (x, indices), _uniform(4))

    def test_params(self):
        w0 = _uniform(3, low=0.5)
        w = chainer.Parameter(w0.copy())

        def f(x):
            y, = _Mul().apply((x, w))
            return y
        gradient_check.check_backward(f, _uniform(3), _uniform(3), params=w,
                                      dtype=numpy.float32, atol=1e-3,
                                      rtol=1e-3)
        # Perturbed (and cast) parameter values are put back.
        assert w.array.dtype == numpy.float64
        numpy.testing.assert_array_equal(w.array, w0)

        def wrong(x):
            y, = _Mul(wrong_input=1).apply((x, w))
            return y
        with pytest.raises(AssertionError):
            gradient_check.check_backward(
                wrong, _uniform(3, low=0.5), _uniform(3, low=0.5),
                params=(w,))

    def test_dtype_makes_float16_checkable(self):
        x = _uniform(3, 2, low=0.5, dtype=numpy.float16)
        gy = _uniform(3, 2, dtype=numpy.float16)
        gradient_check.check_backward(_apply(_Cube), x, gy,
                                      dtype=numpy.float64, atol=1e-2,
                                      rtol=1e-2)
        with pytest.raises(ValueError):
            gradient_check.check_backward(_apply(_Cube), x, gy,
                                          dtype=numpy.int32)

    def test_func_must_return_variables(self):
        with pytest.raises(TypeError):
            gradient_check.check_backward(lambda x: x.array, _uniform(2),
                                          _uniform(2))

    def test_detect_nondifferentiable(self):
        x = numpy.array([0.5, 0., -1.])
        with pytest.raises(gradient_check.NondifferentiableError):
            gradient_check.check_backward(
                _apply(_Abs), x, numpy.ones(3),
                detect_nondifferentiable=True)
        gradient_check.check_backward(
            _apply(_Abs), numpy.array([0.5, -1.]), numpy.ones(2),
            detect_nondifferentiable=True)

    def test_variable_absolute(self):
        gradient_check.check_backward(
            chainer.functions.absolute, numpy.array([0.5, -1.]),
            numpy.ones(2))
        with pytest.raises(gradient_check.NondifferentiableError):
            gradient_check.check_backward(
                chainer.functions.absolute, numpy.array([0.]),
                numpy.ones(1), detect_nondifferentiable=True)


class TestCheckDoubleBackward(object):

    def test_correct_node_passes(self):
        x = _uniform(3, 2)
        gradient_check.check_double_backward(
            _apply(_Cube), x, _uniform(3, 2), _uniform(3, 2))
        gradient_check.check_double_backward(
            _apply(_Square), x, _uniform(3, 2), _uniform(3, 2))

    def test_wrong_second_order_fails(self):
        x = _uniform(3, 2, low=0.5)
        gy = _uniform(3, 2, low=0.5)
        # The first-order gradient is right...
        gradient_check.check_backward(
            _apply(lambda: _Square(wrong_double=True)), x, gy)
        # ...but its derivative is not.
        with pytest.raises(AssertionError) as info:
            gradient_check.check_double_backward(
                _apply(lambda: _Square(wrong_double=True)), x, gy,
                _uniform(3, 2, low=0.5))
        message = str(info.value)
        assert 'check_double_backward failed' in message
        assert 'grad_grad_input[0]:' in message
        assert 'gradients (numeric):' in message

    def test_first_order_is_not_checked(self):
        # As in v5, only the consistency of the second order is checked:
        # a wrong but differentiable first-order gradient passes.
        gradient_check.check_double_backward(
            _apply(lambda: _Cube(wrong=True)), _uniform(3, low=0.5),
            _uniform(3, low=0.5), _uniform(3, low=0.5))

    def test_linear_function(self):
        # gx = 2 gy does not depend on x; gy is an input of the check.
        gradient_check.check_double_backward(
            lambda x: x * 2., _uniform(4), _uniform(4), _uniform(4))

    def test_two_inputs(self):
        xs = (_uniform(3), _uniform(3))
        gradient_check.check_double_backward(
            _apply(_Mul), xs, _uniform(3), (_uniform(3), _uniform(3)))
        with pytest.raises(ValueError):
            gradient_check.check_double_backward(
                _apply(_Mul), xs, _uniform(3), _uniform(3))

    def test_params(self):
        w = chainer.Parameter(_uniform(3))

        def f(x):
            y, = _Mul().apply((x, w))
            return y * y
        gradient_check.check_double_backward(
            f, _uniform(3), _uniform(3), _uniform(3), params=w,
            params_grad_grad=_uniform(3))
        with pytest.raises(ValueError):
            gradient_check.check_double_backward(
                f, _uniform(3), _uniform(3), _uniform(3), params=w)

    def test_scalar_loss(self):
        def loss(x):
            y, = _Cube().apply((x,))
            return chainer.functions.sum(y)
        gradient_check.check_double_backward(loss, _uniform(3), None,
                                             _uniform(3))

    def test_integer_input_and_no_grads(self):
        n = numpy.array([1, -2, 3], numpy.int32)

        def f(x, n):
            y, = _Scale().apply((x, n))
            return y * y
        gradient_check.check_double_backward(
            f, (_uniform(3), n), _uniform(3), _uniform(3))
        gradient_check.check_double_backward(
            _apply(_Mul), (_uniform(3), _uniform(3)), _uniform(3),
            (_uniform(3), _uniform(3)), no_grads=[False, True])

    def test_nondifferentiable_backward_is_detected(self):
        # _Take's backward uses raw arrays, so no second-order graph.
        with pytest.raises(AssertionError):
            gradient_check.check_double_backward(
                _apply(_Take), (_uniform(5), numpy.array([0, 2, 2])),
                _uniform(3), _uniform(5))

    def test_detect_nondifferentiable(self):
        with pytest.raises(gradient_check.NondifferentiableError):
            gradient_check.check_double_backward(
                lambda x: x * chainer.functions.absolute(x),
                numpy.array([0.]), numpy.ones(1), numpy.ones(1),
                detect_nondifferentiable=True)


@attr.gpu
class TestGPU(object):

    def test_numerical_grad(self):
        cupy = chainer.backends.cuda.cupy
        x = cupy.asarray(_uniform(3, 2))
        gy = cupy.asarray(_uniform(3, 2))
        gx, = gradient_check.numerical_grad(
            lambda: (cupy.sin(x),), (x,), (gy,))
        assert isinstance(gx, cupy.ndarray)
        testing.assert_allclose(gx, cupy.cos(x) * gy, atol=1e-6, rtol=1e-5)
        with pytest.raises(RuntimeError):
            gradient_check.numerical_grad(
                lambda: (x,), (x,), (numpy.ones((3, 2)),))

    def test_check_backward_and_double_backward(self):
        to_gpu = chainer.backends.cuda.to_gpu
        x, gy, ggx = (to_gpu(_uniform(3, 2, low=0.5)) for _ in range(3))
        f = lambda x: x * x * x  # NOQA
        gradient_check.check_backward(f, x, gy, dtype=numpy.float64)
        gradient_check.check_double_backward(f, x, gy, ggx)
        with pytest.raises(AssertionError):
            gradient_check.check_backward(lambda x: x * x * x * x, x, gy,
                                          eps=1e-3, atol=0, rtol=1e-9)
        with pytest.raises(gradient_check.NondifferentiableError):
            gradient_check.check_backward(
                chainer.functions.absolute, to_gpu(numpy.zeros(2)),
                to_gpu(numpy.ones(2)), detect_nondifferentiable=True)


def test_unused_input_has_zero_gradient():
    def f(x, unused):
        return x * x
    xs = (_uniform(3), _uniform(3))
    gradient_check.check_backward(f, xs, _uniform(3))
    gradient_check.check_double_backward(f, xs, _uniform(3),
                                         (_uniform(3), _uniform(3)))
    with pytest.raises(AssertionError):
        # A dependence outside the graph: backprop gives no gradient.
        gradient_check.check_backward(
            lambda x, unused: x * unused.array.sum(), xs, _uniform(3))
