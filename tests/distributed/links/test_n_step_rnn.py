import numpy
import pytest

import chainer.functions as F
import chainer.links as L
import chainermn.links

pytestmark = [pytest.mark.mpi,
              pytest.mark.filterwarnings('ignore::FutureWarning')]


def _rnns():
    numpy.random.seed(0)
    return L.NStepLSTM(1, 2, 3, 0.0), L.NStepLSTM(1, 2, 3, 0.0)


def _xs(seed):
    rng = numpy.random.RandomState(seed)
    return [rng.randn(n, 2).astype('f') for n in (3, 2)]


def test_encoder_decoder_over_two_ranks(comm2):
    enc, dec = _rnns()
    if comm2.rank == 0:
        link = chainermn.links.create_multi_node_n_step_rnn(
            enc, comm2, rank_out=1)
        link.cleargrads()
        hy, cy, ys, delegate = link(_xs(1))
        assert delegate.shape == (0,)
        delegate.backward()
    elif comm2.rank == 1:
        link = chainermn.links.create_multi_node_n_step_rnn(
            dec, comm2, rank_in=0)
        link.cleargrads()
        hy, cy, ys, delegate = link(_xs(2))
        assert delegate is None
        F.sum(F.concat(ys, axis=0) ** 2).backward()
    if comm2.rank > 1:
        return

    ref_enc, ref_dec = _rnns()
    ref_enc.cleargrads()
    ref_dec.cleargrads()
    h, c, _ = ref_enc(None, None, _xs(1))
    _, _, ys = ref_dec(h, c, _xs(2))
    F.sum(F.concat(ys, axis=0) ** 2).backward()
    mine, ref = (enc, ref_enc) if comm2.rank == 0 else (dec, ref_dec)
    got = dict(mine.namedparams())
    for name, p in ref.namedparams():
        numpy.testing.assert_allclose(got[name].grad, p.grad, rtol=1e-4,
                                      atol=1e-6)


def test_gru_has_one_state(comm):
    numpy.random.seed(0)
    link = chainermn.links.create_multi_node_n_step_rnn(
        L.NStepGRU(1, 2, 3, 0.0), comm)
    assert link.n_cells == 1
    hy, ys, delegate = link(_xs(0))
    assert hy.shape == (1, 2, 3) and delegate is None


def test_only_n_step_rnn_links(comm):
    # v5 refuses anything that is not an NStepRNNBase.
    with pytest.raises(ValueError, match='NStepRNN'):
        chainermn.links.create_multi_node_n_step_rnn(L.Linear(2, 2), comm)
    link = chainermn.links.create_multi_node_n_step_rnn(
        L.NStepBiLSTM(1, 2, 3, 0.0), comm)
    assert link.n_cells == 2
    assert {n for n, _ in link.namedparams()} >= {'/actual_rnn/0/w0'}
