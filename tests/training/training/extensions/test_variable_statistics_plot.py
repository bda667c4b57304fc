import os

import numpy
import pytest

import chainer
from chainer import testing
from chainer.training import extensions
from chainer.training.extensions import variable_statistics_plot as vsp


def test_reservoir_keeps_uniform_sample():
    numpy.random.seed(0)
    counts = numpy.zeros(10)
    for _ in range(300):
        reservoir = vsp.Reservoir(3, ())
        for i in range(10):
            reservoir.add(float(i), idx=i)
        idxs, data = reservoir.get_data()
        assert list(idxs) == sorted(idxs) and len(idxs) == 3
        numpy.testing.assert_array_equal(idxs, data)
        counts[idxs] += 1
    # Each item is kept with probability 3/10.
    assert numpy.all(numpy.abs(counts / 300 - 0.3) < 0.1)


def test_reservoir_draws_from_global_rng_as_v5():
    # Reference of v5's rule: after the buffer is full, one random() per
    # item; if it is below size / (n + 1), randint(size) picks the slot.
    numpy.random.seed(3)
    ref_rng = numpy.random.RandomState(3)
    size = 2
    ref_data = [None] * size
    ref_idxs = [0] * size
    reservoir = vsp.Reservoir(size, ())
    for n in range(8):
        reservoir.add(float(10 + n), idx=100 + n)
        if n < size:
            ref_data[n], ref_idxs[n] = 10.0 + n, 100 + n
        elif ref_rng.random_sample() < size / float(n + 1):
            slot = ref_rng.randint(size)
            ref_data[slot], ref_idxs[slot] = 10.0 + n, 100 + n
    order = numpy.argsort(ref_idxs)
    idxs, data = reservoir.get_data()
    numpy.testing.assert_array_equal(idxs, numpy.array(ref_idxs)[order])
    numpy.testing.assert_array_equal(data, numpy.array(ref_data)[order])
    # The global generator went on exactly as the reference did.
    assert numpy.random.random_sample() == ref_rng.random_sample()


def test_reservoir_idx_zero_falls_back_to_rank_as_v5():
    reservoir = vsp.Reservoir(3, ())
    reservoir.add(1.0)
    reservoir.add(2.0, idx=0)
    idxs, _ = reservoir.get_data()
    assert list(idxs) == [0, 1]


def test_statistics_values():
    v = chainer.Variable(numpy.arange(5, dtype=numpy.float32))
    v.grad = numpy.ones(5, numpy.float32)
    ext = extensions.VariableStatisticsPlot(v, percentile_sigmas=(0, 50,
                                                                   100))
    stats = ext._statistics()
    numpy.testing.assert_allclose(stats[0], [2, numpy.std(numpy.arange(5)),
                                             0, 2, 4], rtol=1e-6)
    numpy.testing.assert_allclose(stats[1], [1, 0, 1, 1, 1])


def test_saves_figure(tmp_path):
    pytest.importorskip('matplotlib')
    link = chainer.Link()
    with link.init_scope():
        link.w = chainer.Parameter(numpy.ones((2, 3), numpy.float32))
    trainer = testing.get_trainer_with_mock_updater((4, 'iteration'),
                                                    iter_per_epoch=2)
    trainer.out = str(tmp_path)
    trainer.extend(extensions.VariableStatisticsPlot(link, file_name='s.png'))
    trainer.run()
    with open(os.path.join(str(tmp_path), 's.png'), 'rb') as f:
        assert f.read(4) == b'\x89PNG'


def test_invalid_arguments():
    v = chainer.Variable(numpy.zeros(1, numpy.float32))
    with pytest.raises(ValueError):
        extensions.VariableStatisticsPlot([])
    with pytest.raises(ValueError):
        extensions.VariableStatisticsPlot(v, plot_mean=False, plot_std=False,
                                          percentile_sigmas=())
    with pytest.raises(ValueError):
        extensions.VariableStatisticsPlot(v, file_name=None)
    with pytest.raises(TypeError):
        extensions.VariableStatisticsPlot([1.0])
