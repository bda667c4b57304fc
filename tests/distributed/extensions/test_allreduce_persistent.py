import numpy
import pytest

import chainer
import chainer.links as L
from chainermn import extensions

pytestmark = pytest.mark.mpi


def test_averages_float_persistents(comm):
    model = chainer.Sequential(L.BatchNormalization(3),
                               L.BatchNormalization(2))
    for bn in model:
        bn.avg_mean[...] = comm.rank
        bn.avg_var[...] = 2 * comm.rank
        bn.N = comm.rank + 1
    ext = extensions.AllreducePersistent(model, comm)
    assert ext.trigger == (1, 'epoch')
    ext()
    mean = (comm.size - 1) / 2.0
    for bn in model:
        numpy.testing.assert_allclose(bn.avg_mean, mean)
        numpy.testing.assert_allclose(bn.avg_var, 2 * mean)
        assert bn.avg_mean.dtype == numpy.float32
        assert bn.N == comm.rank + 1  # integers are left alone


def test_only_float32_arrays_as_in_v5(comm):
    model = chainer.Sequential(
        L.BatchNormalization(2, dtype=numpy.float64),
        L.BatchNormalization(2))
    model[1].add_persistent('half', numpy.full(2, comm.rank, 'e'))
    model[1].add_persistent('scalar', numpy.float32(comm.rank))
    model[0].avg_mean[...] = comm.rank
    model[1].avg_mean[...] = comm.rank
    extensions.AllreducePersistent(model, comm)()
    numpy.testing.assert_array_equal(model[0].avg_mean, comm.rank)
    numpy.testing.assert_array_equal(model[1].half, comm.rank)
    assert model[1].scalar == comm.rank
    numpy.testing.assert_allclose(model[1].avg_mean, (comm.size - 1) / 2.0)


def test_needs_mpi_communicator():
    with pytest.raises(ValueError, match='MPI-based'):
        extensions.AllreducePersistent(chainer.Link(), object())
