import numpy
import pytest

import chainer
from chainer import functions
from chainer import testing
from chainer.testing import attr
from chainer.utils import type_check


@pytest.mark.parametrize('shape,pad_width,mode,kw', [
    ((2, 3), 1, 'constant', {}),
    ((2, 3), ((1, 2), (0, 1)), 'constant', {'constant_values': 3.5}),
    ((3,), (2,), 'constant', {}),
    ((2, 3), ((1, 2), (2, 1)), 'edge', {}),
    ((3, 4), 2, 'reflect', {}),
    ((3, 4), ((1, 0), (3, 2)), 'symmetric', {}),
    ((3, 4), 2, 'wrap', {}),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, pad_width, mode,
                          kw, dtype):
    rng = numpy.random.RandomState(28)
    x = rng.uniform(-1, 1, shape).astype(dtype)

    def f(x):
        return functions.pad(x, pad_width, mode, **kw)
    check_forward_and_grads(f, (x,), numpy.pad(x, pad_width, mode=mode, **kw),
                            rng, grad_tol16={'atol': 5e-2, 'rtol': 5e-2})


def test_edge_gradient_accumulates():
    x = chainer.Variable(numpy.array([1., 2.]))
    y = functions.pad(x, 2, 'edge')
    y.grad = numpy.ones(6)
    y.backward()
    testing.assert_allclose(x.grad, [3, 3])


@pytest.mark.parametrize('mode', ['mean', 'maximum', 'minimum', 'median'])
def test_statistic_modes_forward_and_interior_gradient(mode):
    # v5 passes any numpy.pad mode through; its gradient is the interior.
    x = chainer.Variable(numpy.array([[1., 5., 3.], [2., 0., 4.]]))
    y = functions.pad(x, ((1, 0), (2, 1)), mode)
    # Rows are padded first, then columns of the row-padded array.
    expected = {
        'mean': [[2.5, 2.5, 1.5, 2.5, 3.5, 2.5], [3., 3., 1., 5., 3., 3.],
                 [2., 2., 2., 0., 4., 2.]],
        'maximum': [[5., 5., 2., 5., 4., 5.], [5., 5., 1., 5., 3., 5.],
                    [4., 4., 2., 0., 4., 4.]],
        'minimum': [[0., 0., 1., 0., 3., 0.], [1., 1., 1., 5., 3., 1.],
                    [0., 0., 2., 0., 4., 0.]],
        'median': [[2.5, 2.5, 1.5, 2.5, 3.5, 2.5], [3., 3., 1., 5., 3., 3.],
                   [2., 2., 2., 0., 4., 2.]],
    }[mode]
    testing.assert_allclose(y.array, expected)
    gy = numpy.arange(18.).reshape(3, 6)
    y.grad = gy
    y.backward()
    testing.assert_allclose(x.grad, gy[1:, 2:5])


def test_unknown_mode_raises():
    with pytest.raises(ValueError):
        functions.pad(numpy.zeros(3, numpy.float32), 1, 'no-such-mode')


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.pad(numpy.arange(3), 1, 'constant')


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    rng = numpy.random.RandomState(99)
    inputs = [rng.uniform(-1, 1, (2, 3)).astype(numpy.float32)]

    def f(*xs):
        x, = xs
        return functions.pad(x, 1, 'edge')
    gpu_matches_cpu(f, inputs, rng)
