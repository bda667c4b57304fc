import numpy
import pytest

import chainer
import chainer.functions as F
import chainer.links as L
import chainermn.links

pytestmark = [pytest.mark.mpi,
              pytest.mark.filterwarnings('ignore::FutureWarning')]


class _Net(chainer.Chain):

    def __init__(self):
        super(_Net, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(3, 4)
            self.bn = L.BatchNormalization(4, decay=0.7, eps=1e-3)
            self.seq = chainer.Sequential(L.Linear(4, 4), F.relu,
                                          L.BatchNormalization(4))
            self.cl = chainer.ChainList(
                L.BatchNormalization(4, use_gamma=False))

    def forward(self, x):
        return self.cl[0](self.seq(self.bn(self.l1(x))))


def _model():
    numpy.random.seed(0)
    net = _Net()
    rng = numpy.random.RandomState(1)
    for bn in (net.bn, net.seq[2], net.cl[0]):
        bn.avg_mean[...] = rng.randn(4)
        bn.avg_var[...] = rng.rand(4) + 0.5
        bn.N = 3
    return net


def test_replaces_every_batch_normalization(comm, tmp_path):
    net = _model()
    mn = chainermn.links.create_mnbn_model(net, comm)
    MNBN = chainermn.links.MultiNodeBatchNormalization
    assert isinstance(mn.bn, MNBN)
    assert isinstance(mn.seq[2], MNBN) and mn.seq[1] is F.relu
    assert isinstance(mn.cl[0], MNBN) and not hasattr(mn.cl[0], 'gamma')
    assert mn.bn.decay == 0.7 and mn.bn.eps == 1e-3 and mn.bn.N == 3
    assert isinstance(net.bn, L.BatchNormalization)  # original unchanged
    assert mn.l1 is not net.l1
    assert sorted(n for n, _ in mn.namedparams()) == sorted(
        n for n, _ in net.namedparams())
    for (name, p), (_, q) in zip(sorted(mn.namedparams()),
                                 sorted(net.namedparams())):
        numpy.testing.assert_array_equal(p.array, q.array, err_msg=name)
        assert p is not q
    x = numpy.random.RandomState(2).randn(5, 3).astype('f')
    with chainer.using_config('train', False):
        numpy.testing.assert_allclose(mn(x).array, net(x).array,
                                      rtol=1e-6)
    # A snapshot of the original model loads into the converted one.
    path = str(tmp_path / 'net.npz')
    chainer.serializers.save_npz(path, net)
    other = chainermn.links.create_mnbn_model(_Net(), comm)
    chainer.serializers.load_npz(path, other)
    numpy.testing.assert_array_equal(other.seq[2].avg_var,
                                     net.seq[2].avg_var)
    assert other.seq[2].N == 3


def test_a_batch_normalization_alone(comm):
    bn = L.BatchNormalization((2, 3), dtype=numpy.float64)
    mn = chainermn.links.create_mnbn_model(bn, comm, 'mpi')
    assert mn.avg_mean.shape == (2, 3) and mn.avg_mean.dtype == numpy.float64
    assert mn.communication_backend == 'mpi'
    plain = chainermn.links.create_mnbn_model(L.Linear(2, 2), comm)
    assert isinstance(plain, L.Linear)
