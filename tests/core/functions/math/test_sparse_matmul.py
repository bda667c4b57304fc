import numpy
import pytest

from chainer import functions
from chainer import utils
from chainer.utils import type_check


def _sparse(shape, dtype, seed):
    rng = numpy.random.RandomState(seed)
    a = rng.uniform(-1, 1, shape)
    a[rng.rand(*shape) < 0.5] = 0
    return a.astype(dtype)


def _op(x, trans):
    return x.swapaxes(-1, -2) if trans else x


@pytest.mark.parametrize('a_shape,b_shape,transa,transb', [
    ((3, 4), (4, 2), False, False),
    ((4, 3), (4, 2), True, False),
    ((3, 4), (2, 4), False, True),
    ((4, 3), (2, 4), True, True),
    ((2, 3, 4), (2, 4, 5), False, False),
    ((2, 4, 3), (2, 5, 4), True, True),
])
@pytest.mark.parametrize('sparse_side', ['a', 'b'])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_forward_backward(a_shape, b_shape, transa, transb, sparse_side,
                          dtype, check_forward_and_grads):
    rng = numpy.random.RandomState(0)
    if sparse_side == 'a':
        a = _sparse(a_shape, dtype, 1)
        b = rng.uniform(-1, 1, b_shape).astype(dtype)
        coo = utils.to_coo(a, ldnz=a[0].size)  # padded entries too
    else:
        a = rng.uniform(-1, 1, a_shape).astype(dtype)
        b = _sparse(b_shape, dtype, 1)
        coo = utils.to_coo(b)
    expected = numpy.matmul(_op(a.astype('d'), transa),
                            _op(b.astype('d'), transb))

    def f(data, dense):
        sp = utils.CooMatrix(numpy.zeros_like(coo.data.array), coo.row,
                             coo.col, coo.shape, order=coo.order)
        sp.data = data  # a Variable, so that the gradient reaches it
        if sparse_side == 'a':
            return functions.sparse_matmul(sp, dense, transa, transb)
        return functions.sparse_matmul(dense, sp, transa, transb)
    dense = b if sparse_side == 'a' else a
    check_forward_and_grads(f, (coo.data.array, dense), expected, rng)


def test_needs_exactly_one_sparse_operand():
    coo = utils.to_coo(numpy.eye(2, dtype=numpy.float32))
    with pytest.raises(ValueError):
        functions.sparse_matmul(coo, coo)
    with pytest.raises(ValueError):
        functions.sparse_matmul(numpy.eye(2, dtype='f'),
                                numpy.eye(2, dtype='f'))


def test_shape_mismatch():
    coo = utils.to_coo(numpy.eye(3, dtype=numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.sparse_matmul(coo, numpy.ones((2, 2), numpy.float32))
    with pytest.raises(type_check.InvalidType):
        functions.sparse_matmul(coo, numpy.ones((3, 2), numpy.float64))
