import numpy
import pytest

from chainer import functions
from chainer import gradient_check
from chainer import testing


@pytest.mark.parametrize('k,s,p,cover_all', [
    (2, None, 0, False),
    (3, 2, 1, True),
    (2, 1, 0, False),
])
def test_upsampling_inverts_max_pooling(k, s, p, cover_all):
    rng = numpy.random.RandomState(0)
    shape = (2, 3, 6, 5)
    x = rng.permutation(numpy.prod(shape)).reshape(shape).astype(
        numpy.float64)
    y, idx = functions.max_pooling_2d(x, k, s, p, cover_all,
                                      return_indices=True)
    up = functions.upsampling_2d(y.array, idx, k, s, p, outsize=(6, 5),
                                 cover_all=cover_all)
    assert up.shape == x.shape
    # Each pooled max returns to where it came from; the rest is zero.
    expected = numpy.zeros_like(x)
    mask = numpy.zeros(x.shape, bool)
    oh, ow = y.shape[2:]
    kk = (k, k)
    ss = (s or k, s or k)
    for i in range(oh):
        for j in range(ow):
            a, b = numpy.divmod(idx[:, :, i, j], kk[1])
            r = i * ss[0] + a - p
            c = j * ss[1] + b - p
            for n in range(2):
                for ch in range(3):
                    expected[n, ch, r[n, ch], c[n, ch]] += y.array[n, ch, i, j]
                    mask[n, ch, r[n, ch], c[n, ch]] = True
    testing.assert_allclose(expected, up.array)
    if (s or k) >= k:  # disjoint windows: each max lands once
        assert numpy.all(x[mask] == up.array[mask])

    def f(v):
        return functions.upsampling_2d(v, idx, k, s, p, outsize=(6, 5),
                                       cover_all=cover_all)
    gy = rng.uniform(-1, 1, x.shape)
    gradient_check.check_backward(f, y.array, gy)
    gradient_check.check_double_backward(
        f, y.array, gy, rng.uniform(-1, 1, y.shape))


def test_indexes_shape_mismatch():
    x = numpy.zeros((1, 1, 2, 2), numpy.float32)
    with pytest.raises(Exception):
        functions.upsampling_2d(x, numpy.zeros((1, 1, 3, 3), numpy.int32),
                                2)
