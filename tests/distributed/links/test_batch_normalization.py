import numpy
import pytest

import chainer
import chainer.links as L
import chainermn.links

pytestmark = [pytest.mark.mpi,
              pytest.mark.filterwarnings('ignore::FutureWarning')]


def test_training_uses_global_statistics(comm):
    bn = chainermn.links.MultiNodeBatchNormalization(2, comm)
    assert bn.avg_mean.dtype == numpy.float32
    x = numpy.full((comm.rank + 1, 2), comm.rank, numpy.float32)
    y = bn(x)
    every = numpy.concatenate(
        [numpy.full((r + 1, 2), r, 'd') for r in range(comm.size)])
    mu, var = every.mean(0), every.var(0)
    numpy.testing.assert_allclose(
        y.array, (x - mu) / numpy.sqrt(var + 2e-5), rtol=1e-5, atol=1e-5)
    numpy.testing.assert_allclose(bn.avg_mean, 0.1 * mu, rtol=1e-6)
    y.grad = numpy.ones_like(y.array)
    bn.cleargrads()
    y.backward()
    assert bn.gamma.grad.shape == (2,) and bn.beta.grad.shape == (2,)
    # The mean over ranks of each rank's sum, as v5 returns it.
    n_all = comm.size * (comm.size + 1) // 2
    numpy.testing.assert_allclose(bn.beta.grad, [n_all / comm.size] * 2)


def _v5_reference(xs, gys, gamma, beta, eps, decay):
    # v5 with equal batches: statistics over the joined batch (channel
    # axis 1); the running variance gets (var + eps) * n / (n - 1) for a
    # rank's n samples per channel; gamma and beta get the mean over
    # ranks of each rank's sums.
    joined = numpy.concatenate(xs).astype(numpy.float64)
    axes = (0, 2)
    mu = joined.mean(axis=axes)
    var = joined.var(axis=axes)
    std = numpy.sqrt(var + eps)
    ys, gxs, ggammas, gbetas = [], [], [], []
    for x, gy in zip(xs, gys):
        xhat = (x - mu[None, :, None]) / std[None, :, None]
        ys.append(gamma[None, :, None] * xhat + beta[None, :, None])
        ggammas.append((gy * xhat).sum(axis=axes))
        gbetas.append(gy.sum(axis=axes))
    m_all = joined.size // mu.size
    ggamma, gbeta = sum(ggammas), sum(gbetas)
    for x, gy in zip(xs, gys):
        xhat = (x - mu[None, :, None]) / std[None, :, None]
        gxs.append((gamma / std)[None, :, None] * (
            gy - (xhat * ggamma[None, :, None] + gbeta[None, :, None])
            / m_all))
    n = xs[0].size // mu.size
    avg_mean = (1 - decay) * mu
    avg_var = (1 - decay) * (var + eps) * n / (n - 1)
    size = len(xs)
    return ys, gxs, ggamma / size, gbeta / size, avg_mean, avg_var


def test_v5_numbers_and_snapshot_keys(comm, tmp_path):
    rng = numpy.random.RandomState(7)
    xs = [rng.randn(4, 3, 5).astype('f') * 2 + 1 for _ in range(comm.size)]
    gys = [rng.randn(4, 3, 5).astype('f') for _ in range(comm.size)]
    bn = chainermn.links.MultiNodeBatchNormalization(3, comm, decay=0.8,
                                                     eps=1e-3)
    bn.gamma.array[...] = [1.5, 0.5, 2.0]
    bn.beta.array[...] = [0.0, 1.0, -1.0]
    ys, gxs, ggamma, gbeta, avg_mean, avg_var = _v5_reference(
        xs, gys, bn.gamma.array.astype('d'), bn.beta.array.astype('d'),
        1e-3, 0.8)
    x = chainer.Variable(xs[comm.rank])
    y = bn(x)
    y.grad = gys[comm.rank]
    bn.cleargrads()
    y.backward()
    tol = {'rtol': 1e-4, 'atol': 1e-5}
    numpy.testing.assert_allclose(y.array, ys[comm.rank], **tol)
    numpy.testing.assert_allclose(x.grad, gxs[comm.rank], **tol)
    numpy.testing.assert_allclose(bn.gamma.grad, ggamma, **tol)
    numpy.testing.assert_allclose(bn.beta.grad, gbeta, **tol)
    numpy.testing.assert_allclose(bn.avg_mean, avg_mean, **tol)
    numpy.testing.assert_allclose(bn.avg_var, avg_var, **tol)

    # A snapshot with v5's keys loads.
    path = str(tmp_path / 'bn.npz')
    numpy.savez(path, gamma=numpy.array([1, 2, 3], 'f'),
                beta=numpy.array([4, 5, 6], 'f'),
                avg_mean=numpy.array([.1, .2, .3], 'f'),
                avg_var=numpy.array([1, 2, 4], 'f'), N=numpy.array(7))
    chainer.serializers.load_npz(path, bn)
    numpy.testing.assert_array_equal(bn.avg_var, [1, 2, 4])
    assert bn.N == 7
    with chainer.using_config('train', False):
        out = bn(numpy.ones((1, 3), 'f')).array
    numpy.testing.assert_allclose(
        out[0], [1, 2, 3] * (1 - numpy.array([.1, .2, .3]))
        / numpy.sqrt(numpy.array([1, 2, 4]) + 1e-3) + [4, 5, 6], rtol=1e-5)


def test_deepcopy_shares_the_communicator(comm):
    import copy
    bn = chainermn.links.MultiNodeBatchNormalization(2, comm)
    assert bn.communication_backend == 'mpi'  # 'auto' resolved, as in v5
    dup = copy.deepcopy(bn)
    assert dup.comm is comm
    assert dup.gamma is not bn.gamma
    assert not numpy.shares_memory(dup.avg_mean, bn.avg_mean)


def test_test_mode_matches_batch_normalization(comm):
    mn = chainermn.links.MultiNodeBatchNormalization(3, comm,
                                                     use_beta=False)
    ref = L.BatchNormalization(3, use_beta=False)
    mn.avg_mean[...] = ref.avg_mean[...] = [1, 2, 3]
    mn.avg_var[...] = ref.avg_var[...] = [4, 5, 6]
    x = numpy.random.RandomState(0).randn(4, 3).astype('f')
    with chainer.using_config('train', False):
        numpy.testing.assert_allclose(mn(x).array, ref(x).array, rtol=1e-6)
    assert not hasattr(mn, 'beta')


def test_finetune_counts_batches(comm):
    bn = chainermn.links.MultiNodeBatchNormalization(2, comm,
                                                     dtype=numpy.float64)
    for i in range(3):
        bn(numpy.full((2, 2), i, numpy.float64), finetune=True)
    assert bn.N == 3
    numpy.testing.assert_allclose(bn.avg_mean, [1., 1.])  # mean of 0,1,2
    bn.start_finetuning()
    assert bn.N == 0


def test_persistents_and_params(comm):
    bn = chainermn.links.MultiNodeBatchNormalization(
        (2,), comm, initial_gamma=2, initial_beta=3)
    assert {n for n, _ in bn.namedparams()} == {'/gamma', '/beta'}
    numpy.testing.assert_array_equal(bn.gamma.array, [2, 2])
    numpy.testing.assert_array_equal(bn.beta.array, [3, 3])
    assert {'avg_mean', 'avg_var', 'N'} <= set(bn._persistent)


def test_nccl_backend_needs_pure_nccl(comm):
    with pytest.raises(ValueError):
        chainermn.links.MultiNodeBatchNormalization(
            2, comm, communication_backend='nccl')
