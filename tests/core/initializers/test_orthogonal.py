import numpy
import pytest

from chainer import initializers
from chainer.backends import cuda
from chainer.testing import attr


@pytest.mark.parametrize('shape', [(1, 1), (3, 3), (3, 5), (4, 2, 3),
                                   (2, 3, 2, 2), (1, 6)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
@pytest.mark.parametrize('scale', [1.1, 2.0])
def test_orthogonal_rows(shape, dtype, scale):
    a = numpy.empty(shape, dtype=dtype)
    initializers.Orthogonal(scale=scale)(a)
    assert a.shape == shape and a.dtype == dtype
    w = a.reshape(shape[0], -1).astype(numpy.float64)
    tol = 5e-3 if dtype == numpy.float16 else 1e-5
    numpy.testing.assert_allclose(
        w.dot(w.T), scale ** 2 * numpy.eye(shape[0]), atol=tol * scale ** 2)


def test_square_is_fully_orthogonal():
    a = numpy.empty((4, 4))
    initializers.Orthogonal(scale=1.0)(a)
    numpy.testing.assert_allclose(a.T.dot(a), numpy.eye(4), atol=1e-10)


def test_default_scale():
    assert initializers.Orthogonal().scale == 1.1


def test_scalar():
    a = numpy.empty((), numpy.float32)
    initializers.Orthogonal(scale=3.0)(a)
    assert abs(float(a)) == 3.0


@pytest.mark.parametrize('shape', [(3, 2), (5, 1, 1), (2,)])
def test_too_many_vectors(shape):
    with pytest.raises(ValueError):
        initializers.Orthogonal()(numpy.empty(shape))


def test_empty():
    with pytest.raises(ValueError):
        initializers.Orthogonal()(numpy.empty((0, 3)))


def test_dtype_mismatch():
    with pytest.raises(AssertionError):
        initializers.Orthogonal(dtype=numpy.float32)(numpy.empty((2, 2)))


def test_reproducible():
    a, b = numpy.empty((2, 3)), numpy.empty((2, 3))
    numpy.random.seed(5)
    initializers.Orthogonal()(a)
    numpy.random.seed(5)
    initializers.Orthogonal()(b)
    numpy.testing.assert_array_equal(a, b)


@attr.gpu
def test_gpu_matches_cpu_with_same_numpy_seed():
    a = numpy.empty((3, 4), numpy.float32)
    numpy.random.seed(9)
    initializers.Orthogonal()(a)
    b = cuda.cupy.empty((3, 4), numpy.float32)
    numpy.random.seed(9)
    initializers.Orthogonal()(b)
    numpy.testing.assert_allclose(cuda.to_cpu(b), a, rtol=1e-6)


def _v5_orthogonal(shape, scale, dtype, seed):
    # What v5 does: one (rows, cols) standard normal draw, its thin SVD,
    # the factor with the flat shape (U first), cast, then scaled in the
    # array's dtype.
    rows = shape[0]
    cols = int(numpy.prod(shape[1:]))
    rng = numpy.random.RandomState(seed)
    a = rng.normal(size=(rows, cols))
    u, _, vh = numpy.linalg.svd(a, full_matrices=False)
    q = u if u.shape == (rows, cols) else vh
    out = q.reshape(shape).astype(dtype)
    out *= scale
    return out, rng.uniform()


@pytest.mark.parametrize('shape', [(3, 3), (2, 5), (3, 2, 2), (2, 2, 1, 1),
                                   (4, 4, 1)])
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_matches_v5_draw_and_factor(shape, dtype):
    expected, next_draw = _v5_orthogonal(shape, 1.1, dtype, 11)
    numpy.random.seed(11)
    a = numpy.empty(shape, dtype)
    initializers.Orthogonal()(a)
    numpy.testing.assert_array_equal(a, expected)
    # Nothing else was drawn.
    assert numpy.random.uniform() == next_draw


def test_square_takes_left_factor():
    # For a square matrix U and V^T differ; v5 keeps U.
    numpy.random.seed(4)
    a = numpy.empty((5, 5))
    initializers.Orthogonal(scale=1.0)(a)
    numpy.random.seed(4)
    u, _, vh = numpy.linalg.svd(numpy.random.normal(size=(5, 5)))
    numpy.testing.assert_array_equal(a, u)
    assert not numpy.allclose(a, vh)


def test_scalar_is_scale_without_a_draw():
    numpy.random.seed(2)
    expected = numpy.random.uniform()
    numpy.random.seed(2)
    a = numpy.empty((), numpy.float32)
    initializers.Orthogonal(scale=-2.5)(a)
    assert float(a) == -2.5
    assert numpy.random.uniform() == expected
