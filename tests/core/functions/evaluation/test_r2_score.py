import numpy
import pytest

from chainer import functions
from chainer import testing
from chainer.utils import type_check


@pytest.mark.parametrize('shape', [(10,), (8, 3)])
@pytest.mark.parametrize('multioutput', ['uniform_average', 'raw_values'])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward(shape, multioutput, dtype):
    rng = numpy.random.RandomState(0)
    true = rng.uniform(-1, 1, shape)
    pred = true + rng.uniform(-0.3, 0.3, shape)
    ss_res = ((pred - true) ** 2).sum(axis=0)
    ss_tot = ((true - true.mean(axis=0)) ** 2).sum(axis=0)
    expected = 1 - ss_res / ss_tot
    if multioutput == 'uniform_average':
        expected = expected.mean()
    got = functions.r2_score(pred.astype(dtype), true.astype(dtype),
                             multioutput=multioutput)
    assert got.dtype == dtype
    tol = 1e-2 if dtype == numpy.float16 else 1e-5
    testing.assert_allclose(expected, got.array, rtol=tol, atol=tol)


def test_example():
    true = numpy.array([3, -0.5, 2, 7], numpy.float32)
    pred = numpy.array([2.5, 0.0, 2, 8], numpy.float32)
    testing.assert_allclose(functions.r2_score(pred, true).array, 0.948608)


def test_constant_target_scores_zero():
    true = numpy.ones((4, 2), numpy.float32)
    true[:, 1] = [0, 1, 2, 3]
    pred = true.copy()
    got = functions.r2_score(pred, true, multioutput='raw_values')
    testing.assert_allclose(got.array, [0, 1])


def test_errors():
    x = numpy.zeros(3, numpy.float32)
    with pytest.raises(NotImplementedError):
        functions.r2_score(x, x, sample_weight=x)
    with pytest.raises(ValueError, match='invalid multioutput'):
        functions.r2_score(x, x, multioutput='variance_weighted')
    with pytest.raises(type_check.InvalidType):
        functions.r2_score(x, numpy.zeros(4, numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.r2_score(x, numpy.zeros(3, numpy.int32))


@pytest.mark.parametrize('multioutput', ['uniform_average', 'raw_values'])
def test_mixed_float_dtypes(multioutput):
    # v5 accepts float targets of another dtype: the scores are computed
    # in the promoted dtype, then rounded to pred's dtype and averaged.
    rng = numpy.random.RandomState(1)
    true = rng.uniform(-1, 1, (9, 3))
    pred = (true + rng.uniform(-0.3, 0.3, (9, 3))).astype(numpy.float32)
    ss_res = ((pred - true) ** 2).sum(axis=0)
    ss_tot = ((true - true.mean(axis=0)) ** 2).sum(axis=0)
    expected = (1 - ss_res / ss_tot).astype(numpy.float32)
    if multioutput == 'uniform_average':
        expected = expected.mean()
    got = functions.r2_score(pred, true, multioutput=multioutput)
    assert got.dtype == numpy.float32
    testing.assert_allclose(expected, got.array, rtol=1e-6)


def test_doctests(check_doctests):
    check_doctests('chainer.functions.evaluation.r2_score')
