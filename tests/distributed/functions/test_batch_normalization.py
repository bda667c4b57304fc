import numpy
import pytest

import chainer
import chainer.functions as F
from chainermn.functions import batch_normalization as mnbn

pytestmark = pytest.mark.mpi


def _data(comm, dtype):
    # Unequal batch sizes (rank r has r + 2 samples) and a mean far from
    # zero, where E[x^2] - E[x]^2 in low precision would lose the variance.
    everyone = []
    for r in range(comm.size):
        rng = numpy.random.RandomState(r)
        x = (rng.randn(r + 2, 3, 2) * [[1], [0.5], [2]] + 100).astype(dtype)
        gy = rng.randn(r + 2, 3, 2).astype(dtype)
        everyone.append((x, gy))
    return everyone


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.float64])
def test_matches_batch_normalization_of_the_joined_batch(comm, dtype):
    everyone = _data(comm, dtype)
    x0, gy = everyone[comm.rank]
    gamma0 = numpy.array([1.0, 2.0, 0.5], dtype)
    beta0 = numpy.array([0.0, -1.0, 3.0], dtype)
    mean = numpy.zeros(3, dtype)
    var = numpy.ones(3, dtype)
    x = chainer.Variable(x0)
    gamma = chainer.Variable(gamma0.copy())
    beta = chainer.Variable(beta0.copy())
    func = mnbn.MultiNodeBatchNormalizationFunction(
        comm, eps=2e-5, mean=mean, var=var, decay=0.9)
    y, = func.apply((x, gamma, beta))
    y.grad = gy
    y.backward()
    ggamma = comm.allreduce(gamma.grad)
    gbeta = comm.allreduce(beta.grad)

    X = chainer.Variable(numpy.concatenate([e[0] for e in everyone]))
    G = chainer.Variable(gamma0.copy())
    B = chainer.Variable(beta0.copy())
    Y = F.batch_normalization(X, G, B, eps=2e-5)
    Y.grad = numpy.concatenate([e[1] for e in everyone])
    Y.backward()
    begin = sum(r + 2 for r in range(comm.rank))
    rows = slice(begin, begin + comm.rank + 2)
    tol = {'rtol': 1e-4, 'atol': 1e-4} if dtype == numpy.float32 else {}
    assert y.dtype == dtype and x.grad.dtype == dtype
    numpy.testing.assert_allclose(y.array, Y.array[rows], **tol)
    numpy.testing.assert_allclose(x.grad, X.grad[rows], **tol)
    numpy.testing.assert_allclose(ggamma, G.grad, **tol)
    numpy.testing.assert_allclose(gbeta, B.grad, **tol)

    flat = X.array.astype(numpy.float64).transpose(1, 0, 2).reshape(3, -1)
    numpy.testing.assert_allclose(mean, 0.1 * flat.mean(axis=1), rtol=1e-5)
    # v5: the running variance takes var + eps, made unbiased with this
    # rank's sample count n (here 2 * (rank + 2)).
    n = 2 * (comm.rank + 2)
    numpy.testing.assert_allclose(
        var, 0.9 + 0.1 * (flat.var(axis=1) + 2e-5) * n / (n - 1),
        rtol=1e-4)
    # Every rank holds the same gamma and beta gradients (v5 averaged them).
    numpy.testing.assert_allclose(gamma.grad, G.grad / comm.size, **tol)
    numpy.testing.assert_allclose(beta.grad, B.grad / comm.size, **tol)


def test_backend_selection(comm):
    assert isinstance(mnbn.get_backend(comm, 'auto'), mnbn._MpiBackend)
    assert isinstance(mnbn.get_backend(comm, 'mpi'), mnbn._MpiBackend)
    with pytest.raises(ValueError, match='pure_nccl'):
        mnbn.get_backend(comm, 'nccl')
    with pytest.raises(ValueError):
        mnbn.get_backend(comm, 'gloo')


def test_shape_mismatch(comm):
    func = mnbn.MultiNodeBatchNormalizationFunction(comm)
    with pytest.raises(ValueError, match='gamma'):
        func.apply((numpy.zeros((2, 4), 'f'), numpy.ones(3, 'f'),
                    numpy.zeros(3, 'f')))
