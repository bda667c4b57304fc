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
    numpy.testing.assert_allclose(bn.beta.grad, [comm.rank + 1] * 2)


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
