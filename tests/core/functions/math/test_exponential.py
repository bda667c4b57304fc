import numpy
import pytest

import chainer
from chainer import functions
from chainer.testing import attr

# name: (numpy reference, input range)
_UNARY = {
    'exp': (numpy.exp, (-2, 2)),
    'log': (numpy.log, (0.5, 3)),
    'log2': (numpy.log2, (0.5, 3)),
    'log10': (numpy.log10, (0.5, 3)),
}


@pytest.mark.parametrize('name', sorted(_UNARY))
def test_unary(name, unary_check):
    # Values, dtypes, gradients, label, layouts: see conftest.unary_check.
    unary_check(name, *_UNARY[name])


def test_exp_retains_output_only():
    y = functions.exp(chainer.Variable(numpy.ones(2, numpy.float32)))
    assert y.creator.get_retained_outputs()
    assert not y.creator.get_retained_inputs()


def test_log_of_non_positive():
    with numpy.errstate(divide='ignore', invalid='ignore'):
        y = functions.log(numpy.array([0., -1.], numpy.float32)).array
    assert y[0] == -numpy.inf and numpy.isnan(y[1])


@attr.gpu
def test_gpu_matches_cpu(gpu_matches_cpu):
    gpu_matches_cpu(functions.log, lambda rng: [rng.uniform(0.5, 2, (3, 4))])
