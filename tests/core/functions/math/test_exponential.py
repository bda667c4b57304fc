import numpy
import pytest

import chainer
from chainer.backends import cuda
from chainer import functions
from chainer import gradient_check
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check

_DTYPES = [numpy.float16, numpy.float32, numpy.float64]

# name: (numpy reference, input range)
_UNARY = {
    'exp': (numpy.exp, (-2, 2)),
    'log': (numpy.log, (0.5, 3)),
    'log2': (numpy.log2, (0.5, 3)),
    'log10': (numpy.log10, (0.5, 3)),
}


def _tol(dtype):
    if dtype == numpy.float16:
        return {'atol': 5e-3, 'rtol': 5e-3}
    return {'atol': 1e-4, 'rtol': 1e-4}


@pytest.mark.parametrize('name', sorted(_UNARY))
@pytest.mark.parametrize('shape', [(3, 4), (), (0,)])
@pytest.mark.parametrize('dtype', _DTYPES)
def test_forward_backward(name, shape, dtype):
    rng = numpy.random.RandomState(0)
    ref, (lo, hi) = _UNARY[name]
    x = rng.uniform(lo, hi, shape).astype(dtype)
    gy = rng.uniform(-1, 1, shape).astype(dtype)
    ggx = rng.uniform(-1, 1, shape).astype(dtype)
    func = getattr(functions, name)
    y = func(x)
    assert y.dtype == dtype and y.shape == shape
    assert isinstance(y.array, numpy.ndarray)
    testing.assert_allclose(y.array, ref(x.astype(numpy.float64)),
                            **_tol(dtype))
    opts = dict(dtype=numpy.float64, **_tol(dtype))
    if dtype == numpy.float16:
        opts.update(eps=2 ** -5, atol=2e-2, rtol=2e-2)
    gradient_check.check_backward(func, x, gy, **opts)
    gradient_check.check_double_backward(func, x, gy, ggx, **opts)


@pytest.mark.parametrize('name', sorted(_UNARY))
def test_label_and_non_contiguous(name):
    ref, (lo, hi) = _UNARY[name]
    x = numpy.linspace(lo, hi, 24).reshape(4, 6)[:, ::2]
    y = getattr(functions, name)(chainer.Variable(x))
    assert y.creator.label == name
    testing.assert_allclose(y.array, ref(x))


@pytest.mark.parametrize('name', sorted(_UNARY))
def test_integer_input_rejected(name):
    with pytest.raises(type_check.InvalidType):
        getattr(functions, name)(numpy.arange(1, 4))


def test_exp_retains_output_only():
    y = functions.exp(chainer.Variable(numpy.ones(2, numpy.float32)))
    assert y.creator.get_retained_outputs()
    assert not y.creator.get_retained_inputs()


def test_log_of_non_positive():
    with numpy.errstate(divide='ignore', invalid='ignore'):
        y = functions.log(numpy.array([0., -1.], numpy.float32)).array
    assert y[0] == -numpy.inf and numpy.isnan(y[1])


@attr.gpu
def test_gpu_matches_cpu():
    rng = numpy.random.RandomState(7)
    xs = [rng.uniform(0.5, 2, (3, 4))]
    func = functions.log
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
