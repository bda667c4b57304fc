import numpy
import pytest

# name: (numpy reference, input range)
_UNARY = {
    'sinh': (numpy.sinh, (-2, 2)),
    'cosh': (numpy.cosh, (-2, 2)),
}


@pytest.mark.parametrize('name', sorted(_UNARY))
def test_unary(name, unary_check):
    # Values, dtypes, gradients, label, layouts: see conftest.unary_check.
    unary_check(name, *_UNARY[name])
