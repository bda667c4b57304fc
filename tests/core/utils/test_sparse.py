import numpy
import pytest

from chainer import utils
from chainer.utils import sparse


def _random_sparse(shape, seed):
    rng = numpy.random.RandomState(seed)
    x = rng.uniform(-1, 1, shape).astype(numpy.float32)
    x[rng.uniform(size=shape) < 0.6] = 0
    return x


@pytest.mark.parametrize('shape', [(3, 4), (1, 1), (2, 3, 5)])
@pytest.mark.parametrize('ldnz', [None, 20])
def test_round_trip(shape, ldnz):
    x = _random_sparse(shape, 0)
    coo = utils.to_coo(x, ldnz=ldnz)
    assert isinstance(coo, utils.CooMatrix)
    assert coo.shape == shape[-2:]
    assert coo.order == 'C'
    assert coo.data.array.dtype == numpy.float32
    assert coo.row.dtype == numpy.int32 and coo.col.dtype == numpy.int32
    nnz = max(numpy.count_nonzero(m) for m in x.reshape((-1,) + shape[-2:]))
    assert coo.data.shape[-1] == max(nnz, ldnz or 0)
    numpy.testing.assert_array_equal(coo.to_dense(), x)


def test_entries_and_padding():
    x = numpy.array([[0, 2, 0], [3, 0, 4]], numpy.float64)
    coo = utils.to_coo(x, ldnz=5)
    numpy.testing.assert_array_equal(coo.data.array, [2, 3, 4, 0, 0])
    numpy.testing.assert_array_equal(coo.row, [0, 1, 1, -1, -1])
    numpy.testing.assert_array_equal(coo.col, [1, 0, 2, -1, -1])


def test_requires_grad():
    x = numpy.eye(2, dtype=numpy.float32)
    assert not utils.to_coo(x).data.requires_grad
    assert utils.to_coo(x, requires_grad=True).data.requires_grad


def test_to_dense_sums_duplicates():
    data = numpy.array([1., 2., 5.], numpy.float32)
    row = numpy.array([0, 0, 1], numpy.int32)
    col = numpy.array([1, 1, 0], numpy.int32)
    coo = utils.CooMatrix(data, row, col, (2, 2))
    numpy.testing.assert_array_equal(coo.to_dense(), [[0, 3], [5, 0]])


@pytest.mark.parametrize('row, col, order', [
    ([0, 0, 1, -1], [0, 2, 1, -1], 'C'),
    ([0, 1, 0], [0, 0, 1], 'F'),
    ([1, 0, 2], [1, 0, 1], 'other'),
    ([[0, 1], [1, 1]], [[1, 0], [0, 1]], 'C'),
    ([[0, 1], [1, 0]], [[1, 0], [0, 1]], 'other'),
    ([], [], 'C'),
])
def test_get_order(row, col, order):
    assert sparse.get_order(
        numpy.array(row, numpy.int32), numpy.array(col, numpy.int32)) == order


def test_get_order_invalid():
    with pytest.raises(ValueError):
        sparse.get_order(numpy.array([0, -1]), numpy.array([0, 1]))
    with pytest.raises(ValueError):
        sparse.get_order(numpy.array([0, 1]), numpy.array([0]))


@pytest.mark.parametrize('kwargs', [
    dict(data=numpy.zeros((1, 1, 1)), row=numpy.zeros((1, 1, 1), 'i'),
         col=numpy.zeros((1, 1, 1), 'i'), shape=(2, 2)),
    dict(data=numpy.zeros(2), row=numpy.zeros((1, 2), 'i'),
         col=numpy.zeros(2, 'i'), shape=(2, 2)),
    dict(data=numpy.zeros(2), row=numpy.zeros(2, 'i'),
         col=numpy.zeros(2, 'i'), shape=(2, 2, 2)),
    dict(data=numpy.zeros(2), row=numpy.zeros(2, 'i'),
         col=numpy.zeros(2, 'i'), shape=(0, 2)),
    dict(data=numpy.zeros(2), row=numpy.zeros(2, 'i'),
         col=numpy.zeros(2, 'i'), shape=(2, 2), order='X'),
])
def test_coo_matrix_invalid(kwargs):
    with pytest.raises(ValueError):
        utils.CooMatrix(**kwargs)


def test_to_coo_invalid_ndim():
    with pytest.raises(ValueError):
        utils.to_coo(numpy.zeros(3))
