import numpy
import pytest

import chainer
from chainer import functions
from chainer.testing import attr

# name: (numpy reference, input range)
_UNARY = {
    'sqrt': (numpy.sqrt, (0.5, 3)),
    'rsqrt': (lambda x: 1 / numpy.sqrt(x), (0.5, 3)),
}


@pytest.mark.parametrize('name', sorted(_UNARY))
def test_unary(name, unary_check):
    # Values, dtypes, gradients, label, layouts: see conftest.unary_check.
    unary_check(name, *_UNARY[name])


@pytest.mark.parametrize('name', ['sqrt', 'rsqrt'])
def test_retains_output_only(name):
    y = getattr(functions, name)(
        chainer.Variable(numpy.ones(2, numpy.float32)))
    assert y.creator.get_retained_outputs()
    assert not y.creator.get_retained_inputs()


def test_sqrt_of_negative_is_nan():
    with numpy.errstate(invalid='ignore'):
        y = functions.sqrt(numpy.array([-1.], numpy.float32)).array
    assert numpy.isnan(y[0])


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(functions.rsqrt,
                    lambda rng: [rng.uniform(0.5, 2, (3, 4))])
