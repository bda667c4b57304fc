"""Fixtures shared by the tests of ``chainer.functions`` math functions.

Test modules never import each other: checks that several modules run the
same way live here. Most are *case fixtures*: a fixture parametrized over
the cases of one kind of check (each shape and dtype of the forward and
gradient checks, the label, bad inputs...). It returns a callable; a test
that calls it with the function under test and its numpy/scipy reference
runs once per case, e.g.::

    def test_unary(unary_check):
        unary_check('sinh', numpy.sinh, (-2, 2))

- ``unary_check(name, ref, x_range)``: an elementwise function of one
  float input, ``chainer.functions.<name>``.
- ``special_unary_check(name, ref, x_range, fallback_points)``: the same
  for special functions, run with SciPy and with the numpy fallback, plus
  the fallback's accuracy and GPU cases.
- ``rounding_check(func, ref)``: ceil-like functions without a gradient.
- ``extremum_check(func, ref)``: elementwise maximum and minimum.
- ``axis_broadcast_check(func, ref)``: bias and scale.

Plain fixtures: ``gpu_matches_cpu``, ``check_forward_and_grads``,
``backend_path`` (SciPy or the numpy fallback) and ``bad_binary_inputs``.
"""
import functools

import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions
from chainer.functions.math import _special
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check

_DTYPES = (numpy.float16, numpy.float32, numpy.float64)
_SHAPES = ((3, 4), (), (0,))


@pytest.fixture(autouse=True)
def _fixed_numpy_seed():
    """Seeds numpy's global generator (gradient checks draw directions
    from it) so that every test is reproducible."""
    state = numpy.random.get_state()
    numpy.random.seed(0)
    yield
    numpy.random.set_state(state)


def _gpu_marks():
    # What attr.gpu puts on a test (the gpu marker and the
    # CHAINER_TEST_GPU_LIMIT skip), for a single parametrized case.
    def gpu_case():
        pass
    return attr.gpu(gpu_case).pytestmark


def _case_id(case):
    def word(value):
        if isinstance(value, tuple):
            if value and isinstance(value[0], tuple):  # (x_shape, ...)
                return '_'.join(map(word, value))
            return 'x'.join(map(str, value)) if value else 'scalar'
        return getattr(value, '__name__', str(value))
    return '-'.join(word(v) for v in case if v is not None)


def _cases(kind_params, single_kinds=(), gpu=False):
    """pytest params: ``kind`` with each of ``kind_params``, then the
    parameterless kinds, then (when ``gpu``) a GPU case."""
    kind, params = kind_params
    cases = [(kind,) + p for p in params]
    cases += [(k,) for k in single_kinds]
    out = [pytest.param(c, id=_case_id(c)) for c in cases]
    if gpu:
        out.append(pytest.param(('gpu',), id='gpu', marks=_gpu_marks()))
    return out


def _shapes_dtypes(backends=(None,)):
    return [(b, d, s) for b in backends for d in _DTYPES for s in _SHAPES]


# --- plain helpers -------------------------------------------------------

def _check_gpu_matches_cpu(func, make_inputs):
    rng = numpy.random.RandomState(7)
    xs = make_inputs(rng)
    cpu = func(*xs)
    gpu = func(*[cuda.to_gpu(x) for x in xs])
    cpu = cpu if isinstance(cpu, tuple) else (cpu,)
    gpu = gpu if isinstance(gpu, tuple) else (gpu,)
    for c, g in zip(cpu, gpu):
        assert isinstance(g.array, cuda.ndarray)
        testing.assert_allclose(c.array, cuda.to_cpu(g.array), rtol=1e-5)
    gys = tuple(cuda.to_gpu(rng.uniform(-1, 1, c.shape)) for c in cpu)
    gradient_check.check_backward(
        func, tuple(cuda.to_gpu(x) for x in xs),
        gys if len(gys) > 1 else gys[0], atol=1e-4, rtol=1e-4)


@pytest.fixture
def gpu_matches_cpu():
    """``check(func, make_inputs)``: ``func`` gives the same outputs and
    passes ``check_backward`` on GPU. ``make_inputs(rng)`` draws the float64
    inputs from a seeded RandomState; output gradients are drawn next."""
    return _check_gpu_matches_cpu


def _check_forward_and_grads(func, inputs, expected, rng):
    dtype = inputs[0].dtype
    y = func(*inputs)
    assert y.dtype == dtype and y.shape == numpy.shape(expected)
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    testing.assert_allclose(y.array, expected, **tol)
    gy = rng.uniform(-1, 1, y.shape).astype(dtype)
    ggs = tuple(rng.uniform(-1, 1, x.shape).astype(dtype) for x in inputs)
    opts = dict(dtype=numpy.float64, atol=1e-3, rtol=1e-3)
    gradient_check.check_backward(func, inputs, gy, **opts)
    gradient_check.check_double_backward(func, inputs, gy, ggs, **opts)


@pytest.fixture
def check_forward_and_grads():
    """``check(func, inputs, expected, rng)``: ``func(*inputs)`` has the
    inputs' dtype and ``expected``'s shape and values (looser for float16);
    backward and double backward pass in float64 (atol=rtol=1e-3) with
    output and input gradients drawn from ``rng`` in that order."""
    return _check_forward_and_grads


@pytest.fixture(params=['scipy', 'numpy'])
def backend_path(request, monkeypatch):
    """Runs a test with SciPy and with the pure numpy fallback."""
    if request.param == 'numpy':
        monkeypatch.setattr(_special, 'scipy_special', None)
    return request.param


# --- elementwise functions of one input ----------------------------------

def _elementary_tols(dtype):
    # (forward tolerance, gradient check tolerance) of exp, sin, ...
    if dtype == numpy.float16:
        return ({'atol': 5e-3, 'rtol': 5e-3},
                {'eps': 2 ** -5, 'atol': 2e-2, 'rtol': 2e-2})
    return {'atol': 1e-4, 'rtol': 1e-4}, {'atol': 1e-4, 'rtol': 1e-4}


def _special_tols(dtype):
    forward = {'atol': 1e-3, 'rtol': 1e-3} if dtype == numpy.float16 else {}
    return forward, {'atol': 1e-3, 'rtol': 1e-3}


def _unary_forward_backward(func, ref, x_range, shape, dtype, tols):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(x_range[0], x_range[1], shape).astype(dtype)
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    y = func(x)
    assert y.dtype == dtype and y.shape == shape
    assert isinstance(y.array, numpy.ndarray)
    forward_tol, grad_tol = tols(dtype)
    testing.assert_allclose(y.array, ref(x.astype(numpy.float64)),
                            **forward_tol)
    opts = dict(dtype=numpy.float64, **grad_tol)
    gradient_check.check_backward(func, x, gy, **opts)
    gradient_check.check_double_backward(func, x, gy, ggx, **opts)


def _unary_case(case, tols, name, ref, x_range):
    func = getattr(functions, name)
    kind = case[0]
    if kind == 'forward_backward':
        _unary_forward_backward(func, ref, x_range, case[3], case[2], tols)
    elif kind == 'label_and_non_contiguous':
        x = numpy.linspace(x_range[0], x_range[1], 24).reshape(4, 6)[:, ::2]
        assert not x.flags.c_contiguous
        y = func(chainer.Variable(x))
        assert y.creator.label == name
        testing.assert_allclose(y.array, ref(x))
    else:
        assert kind == 'integer_input_rejected'
        with pytest.raises(type_check.InvalidType):
            func(numpy.arange(1, 4))


_UNARY_SINGLE = ('label_and_non_contiguous', 'integer_input_rejected')


@pytest.fixture(params=_cases(('forward_backward', _shapes_dtypes()),
                              _UNARY_SINGLE))
def unary_check(request):
    """``check(name, ref, x_range)`` for ``chainer.functions.<name>``: values
    against the float64 ``ref`` for inputs drawn from ``x_range``, dtype and
    shape kept, backward and double backward (every dtype, shapes (3, 4),
    () and (0,)); the label is ``name``; a non-contiguous input; integer
    input raises InvalidType."""
    return functools.partial(_unary_case, request.param, _elementary_tols)


def _special_case(case, monkeypatch, name, ref, x_range, fallback_points,
                  fallback_atol=0):
    kind = case[0]
    func = getattr(functions, name)
    if kind == 'forward_backward':
        if case[1] == 'numpy':
            monkeypatch.setattr(_special, 'scipy_special', None)
        _unary_forward_backward(func, ref, x_range, case[3], case[2],
                                _special_tols)
    elif kind == 'fallback_is_exact':
        monkeypatch.setattr(_special, 'scipy_special', None)
        x = numpy.array(fallback_points, numpy.float64)
        with numpy.errstate(all='ignore'):
            y = func(x).array
            expected = ref(x)
        testing.assert_allclose(y, expected, atol=fallback_atol, rtol=1e-13)
        numpy.testing.assert_array_equal(numpy.isnan(y),
                                         numpy.isnan(expected))
    elif kind == 'gpu':
        _check_gpu_matches_cpu(
            func, lambda rng: [rng.uniform(x_range[0], x_range[1], (3, 4))])
    else:
        _unary_case(case, None, name, ref, x_range)


@pytest.fixture(params=_cases(
    ('forward_backward', _shapes_dtypes(('scipy', 'numpy'))),
    ('fallback_is_exact',) + _UNARY_SINGLE, gpu=True))
def special_unary_check(request, monkeypatch):
    """``check(name, ref, x_range, fallback_points, fallback_atol=0)``: the
    ``unary_check`` cases with the special functions' tolerances, the
    forward and gradients run with SciPy and with the numpy fallback; the
    fallback matches ``ref`` at ``fallback_points`` to ``rtol=1e-13``
    (NaN where it is NaN); on GPU it matches CPU."""
    return functools.partial(_special_case, request.param, monkeypatch)


# --- other families -------------------------------------------------------

def _rounding_case(case, func, ref):
    kind = case[0]
    if kind == 'forward':
        dtype, shape = case[2], case[3]
        x = numpy.random.RandomState(0).uniform(-5, 5, shape).astype(dtype)
        y = func(x)
        assert isinstance(y, chainer.Variable)
        assert y.dtype == dtype and y.shape == shape
        testing.assert_allclose(y.array, ref(x), atol=0, rtol=0)
    elif kind == 'exact_values':
        x = numpy.array([-1.5, -1., -0.5, 0., 0.5, 1., 1.5], numpy.float32)
        testing.assert_allclose(func(x).array, ref(x), atol=0, rtol=0)
    elif kind == 'not_connected_to_the_graph':
        # v5: the result is a new Variable; no gradient flows back to x.
        x = chainer.Variable(numpy.array([0.3, -1.7], numpy.float32))
        y = func(x)
        assert y.creator is None
        assert not y.requires_grad
    else:
        assert kind == 'non_contiguous'
        x = numpy.linspace(-3, 3, 24).reshape(4, 6)[:, ::2]
        testing.assert_allclose(func(x).array, ref(x))


@pytest.fixture(params=_cases(
    ('forward', _shapes_dtypes()),
    ('exact_values', 'not_connected_to_the_graph', 'non_contiguous')))
def rounding_check(request):
    """``check(func, ref)`` for ceil-like functions: exact values of every
    float dtype and shape, a fresh Variable with no creator, and a
    non-contiguous input."""
    return functools.partial(_rounding_case, request.param)


def _apart_inputs(shape, dtype):
    rng = numpy.random.RandomState(0)
    x1 = rng.uniform(-1, 1, shape).astype(dtype)
    x2 = rng.uniform(-1, 1, shape).astype(dtype)
    # Keep the two inputs apart: the gradient jumps where they are equal.
    close = numpy.abs(x1 - x2) < 0.1
    x2[close] = x1[close] + 0.5
    return x1, x2


_BAD_BINARY_INPUTS = (
    (numpy.ones(3, 'f'), numpy.ones(4, 'f')),
    (numpy.ones(3, 'f'), numpy.ones(3, 'd')),
    (numpy.ones(3, 'i'), numpy.ones(3, 'i')),
)


def _extremum_case(case, func, ref):
    kind = case[0]
    if kind == 'forward_backward':
        dtype, shape = case[2], case[3]
        x1, x2 = _apart_inputs(shape, dtype)
        rng = numpy.random.RandomState(1)
        gy, gg1, gg2 = (rng.uniform(-1, 1, shape).astype(dtype)
                        for _ in range(3))
        y = func(x1, x2)
        assert y.dtype == dtype and y.shape == shape
        testing.assert_allclose(y.array, ref(x1, x2))
        gradient_check.check_backward(func, (x1, x2), gy,
                                      dtype=numpy.float64)
        gradient_check.check_double_backward(
            func, (x1, x2), gy, (gg1, gg2), dtype=numpy.float64)
    elif kind == 'tie_goes_to_first_input':
        # The second entry is one that x2 wins (3 for max, 0 for min).
        winner = 3. if ref(2., 3.) == 3. else 0.
        x1 = chainer.Variable(numpy.array([1., 2.], numpy.float32))
        x2 = chainer.Variable(numpy.array([1., winner], numpy.float32))
        y = func(x1, x2)
        y.grad = numpy.ones(2, numpy.float32)
        y.backward()
        testing.assert_allclose(x1.grad, [1, 0])
        testing.assert_allclose(x2.grad, [0, 1])
    elif kind == 'non_contiguous':
        x1 = numpy.linspace(-1, 1, 24).reshape(4, 6)[:, ::2]
        x2 = numpy.zeros((3, 4)).T
        testing.assert_allclose(func(x1, x2).array, ref(x1, 0))
    elif kind == 'bad_inputs':
        with pytest.raises(type_check.InvalidType):
            func(*_BAD_BINARY_INPUTS[case[1]])
    else:
        assert kind == 'gpu'
        _check_gpu_matches_cpu(func, lambda rng: [
            rng.uniform(-1, -0.2, (3, 4)), rng.uniform(0.2, 1, (3, 4))])


@pytest.fixture(params=_cases(
    ('forward_backward', _shapes_dtypes()),
    ('tie_goes_to_first_input', 'non_contiguous'), gpu=True) + _cases(
    ('bad_inputs', [(i,) for i in range(len(_BAD_BINARY_INPUTS))])))
def extremum_check(request):
    """``check(func, ref)`` for maximum/minimum: values and gradients with
    inputs kept apart, a tie's gradient going to the first input, a
    non-contiguous input, mismatched shapes/dtypes and integers rejected,
    GPU matching CPU."""
    return functools.partial(_extremum_case, request.param)


@pytest.fixture(params=_BAD_BINARY_INPUTS, ids=['shape', 'dtype', 'int'])
def bad_binary_inputs(request):
    """Input pairs a float elementwise binary function must reject."""
    return request.param


_AXIS_BROADCASTS = (
    ((2, 3, 4), (3,), 1), ((2, 3, 4), (3, 4), 1), ((2, 3, 4), (2,), 0),
    ((2, 3, 4), (4,), 2), ((2, 3), (2, 3), 0),
)


def _axis_broadcast_case(case, func, ref):
    (x_shape, y_shape, axis), dtype = case[1], case[2]
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, x_shape).astype(dtype)
    y = rng.uniform(-1, 1, y_shape).astype(dtype)
    z = func(x, y, axis)
    y_b = y.reshape((1,) * axis + y_shape +
                    (1,) * (len(x_shape) - axis - len(y_shape)))
    assert z.dtype == dtype and z.shape == x_shape
    testing.assert_allclose(z.array, ref(x, y_b))
    gz = rng.uniform(-1, 1, x_shape).astype(dtype)
    tol = {'atol': 1e-2, 'rtol': 1e-2} if dtype == numpy.float16 else {}
    gradient_check.check_backward(lambda x, y: func(x, y, axis),
                                  (x, y), gz, dtype=numpy.float64, **tol)


@pytest.fixture(params=_cases(('forward_backward', [
    (shapes, dtype) for shapes in _AXIS_BROADCASTS for dtype in _DTYPES])))
def axis_broadcast_check(request):
    """``check(func, ref)`` for ``func(x, y, axis)`` that broadcasts ``y``
    from ``axis`` on (bias, scale): values against ``ref(x, y_b)`` and
    gradients, for each dtype and shape combination."""
    return functools.partial(_axis_broadcast_case, request.param)
