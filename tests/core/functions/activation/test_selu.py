import math

import numpy
import pytest

from chainer import functions
from chainer.utils import type_check


def _ref(x, alpha, scale):
    return numpy.array([scale * (v if v >= 0 else alpha * math.expm1(v))
                        for v in x.astype(float).ravel()]).reshape(x.shape)


@pytest.mark.parametrize('shape', [(3, 4), ()])
@pytest.mark.parametrize('alpha,scale', [(None, None), (0.5, 2.0)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, shape, alpha, scale,
                          dtype):
    rng = numpy.random.RandomState(5)
    x = rng.uniform(-1, 1, shape).astype(dtype)
    x[(-0.05 < x) & (x < 0.05)] = 0.5
    kw = {} if alpha is None else {'alpha': alpha, 'scale': scale}
    expected = _ref(x, alpha or 1.6732632423543772,
                    scale or 1.0507009873554805)

    def f(x):
        return functions.selu(x, **kw)
    check_forward_and_grads(f, (x,), expected, rng,
                            {'atol': 1e-2, 'rtol': 1e-2})


def test_integer_input_rejected():
    with pytest.raises(type_check.InvalidType):
        functions.selu(numpy.arange(3))
