import numpy
import pytest

from chainer import functions
from chainer.utils import type_check


@pytest.mark.parametrize('source,destination', [
    (0, 2), (-1, 0), ((0, 1), (2, 0)), ((0, -1), (-1, 0)), ((), ()),
])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(check_forward_and_grads, source, destination,
                          dtype):
    rng = numpy.random.RandomState(36)
    x = rng.uniform(-1, 1, (2, 3, 4)).astype(dtype)

    def f(x):
        return functions.moveaxis(x, source, destination)
    check_forward_and_grads(f, (x,), numpy.moveaxis(x, source, destination),
                            rng)


@pytest.mark.parametrize('source,destination', [(3, 0), (0, -4)])
def test_out_of_range(source, destination):
    with pytest.raises(type_check.InvalidType):
        functions.moveaxis(numpy.zeros((2, 3, 4), 'f'), source, destination)


@pytest.mark.parametrize('source,destination', [
    ((0, 1), (0,)), ((0, 0), (1, 2)), ((0, 1), (2, -1)),
])
def test_value_errors(source, destination):
    with pytest.raises(ValueError):
        functions.moveaxis(numpy.zeros((2, 3, 4), 'f'), source, destination)


def test_type_error():
    with pytest.raises(TypeError):
        functions.moveaxis(numpy.zeros((2, 3), 'f'), 0.5, 1)
