import sys
import types
import unittest

import numpy
import pytest

import chainer
from chainer import testing
from chainer import utils


def square(x):
    """A unary function whose NumPy reference is found by its name."""
    return x * x


def _wrong_square(x):
    return x * x * 1.5


class Exp(chainer.Function):

    """Old-style Function object with its own label."""

    @property
    def label(self):
        return 'exp'

    def forward(self, inputs):
        self.y = utils.force_array(numpy.exp(inputs[0]))
        return self.y,

    def backward(self, inputs, grad_outputs):
        return utils.force_array(grad_outputs[0] * self.y),


@testing.fix_random()  # outside: the generated classes inherit its setUp
@testing.unary_math_function_unittest(square)
class TestSquare(unittest.TestCase):
    pass


@testing.fix_random()
@testing.unary_math_function_unittest(Exp())
class TestExpFunctionObject(unittest.TestCase):
    pass


def _generated(module, base_name):
    return sorted(n for n in vars(module) if n.startswith(base_name + '_'))


def test_generated_classes_and_methods():
    module = sys.modules[__name__]
    names = _generated(module, 'TestSquare')
    assert names == ['TestSquare_param_%d' % i for i in range(6)]
    params = {(getattr(module, n).dtype, getattr(module, n).shape)
              for n in names}
    assert params == {(d, s) for d in (numpy.float16, numpy.float32,
                                       numpy.float64) for s in [(3, 2), ()]}
    case = module.TestSquare_param_0
    for method in ['test_forward_cpu', 'test_forward_gpu',
                   'test_backward_cpu', 'test_backward_gpu',
                   'test_double_backward_cpu', 'test_double_backward_gpu']:
        assert hasattr(case, method)
    assert not hasattr(case, 'test_label')
    gpu_marks = [m.name for m in case.test_forward_gpu.pytestmark]
    assert 'gpu' in gpu_marks


def test_function_object_has_label_and_no_double_backward():
    case = sys.modules[__name__].TestExpFunctionObject_param_0
    assert hasattr(case, 'test_label')
    assert not hasattr(case, 'test_double_backward_cpu')


def _run_generated(monkeypatch, func, method, **kwargs):
    module = types.ModuleType('fake_unary_module')
    monkeypatch.setitem(sys.modules, module.__name__, module)
    base = type('TestF', (unittest.TestCase,),
                {'__module__': module.__name__})
    testing.unary_math_function_unittest(func, **kwargs)(base)
    numpy.random.seed(0)
    results = []
    for name in _generated(module, 'TestF'):
        result = unittest.TestResult()
        getattr(module, name)(method).run(result)
        results.append(result)
    return results


def test_wrong_forward_fails(monkeypatch):
    results = _run_generated(monkeypatch, _wrong_square, 'test_forward_cpu',
                             func_expected=numpy.square)
    assert len(results) == 6
    assert all(len(r.failures) == 1 for r in results)


def test_custom_make_data_and_options(monkeypatch):
    seen = []

    def make_data(shape, dtype):
        seen.append((shape, dtype))
        x = numpy.full(shape, 0.5, dtype)
        return x, numpy.ones(shape, dtype), numpy.ones(shape, dtype)
    results = _run_generated(
        monkeypatch, square, 'test_double_backward_cpu', make_data=make_data,
        double_backward_options={'atol': 1e-2, 'rtol': 1e-2,
                                 'dtype': numpy.float64})
    assert all(r.wasSuccessful() and r.testsRun == 1 for r in results)
    assert len(seen) == 6


def test_forward_options_are_used(monkeypatch):
    results = _run_generated(
        monkeypatch, _wrong_square, 'test_forward_cpu',
        func_expected=numpy.square,
        make_data=lambda shape, dtype: (numpy.full(shape, 0.1, dtype),) * 3,
        forward_options={'atol': 0.01, 'rtol': 0})
    # |1.5 x^2 - x^2| = 0.005 at x = 0.1, within atol.
    assert all(r.wasSuccessful() for r in results)


def test_unknown_numpy_name():
    def not_a_numpy_function(x):
        return x
    with pytest.raises(ValueError):
        testing.unary_math_function_unittest(not_a_numpy_function)


def test_label_without_class():
    with pytest.raises(ValueError):
        testing.unary_math_function_unittest(square, label_expected='sq')


def test_is_linear_deprecated():
    with testing.assert_warns(DeprecationWarning):
        testing.unary_math_function_unittest(square, is_linear=False)


def test_rejects_non_testcase():
    with pytest.raises(TypeError):
        testing.unary_math_function_unittest(square)(object)
