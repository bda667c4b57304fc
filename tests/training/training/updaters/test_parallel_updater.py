import numpy
import pytest

from chainer import iterators
from chainer import optimizers
from chainer import training


def test_cpu_data_parallel_update(make_quadratic):
    data = numpy.arange(8, dtype=numpy.float32).reshape(4, 2)
    model = make_quadratic()
    opt = optimizers.SGD(lr=0.1).setup(model)
    it = iterators.SerialIterator(list(data), 4, shuffle=False)
    updater = training.ParallelUpdater(
        it, opt, devices={'main': -1, 'second': -1})
    trainer = training.Trainer(updater, (1, 'iteration'))
    assert 'second' in trainer.reporter._observer_names.values()
    updater.update()
    # Sub-batches data[0::2] and data[1::2]: the summed gradient is
    # -2 * sum(x) over all examples, as with one device.
    expected = 0.1 * 2 * data.sum(axis=0)
    numpy.testing.assert_allclose(model.w.array, expected, rtol=1e-6)
    second = updater._models['second']
    assert second is not model
    numpy.testing.assert_array_equal(second.w.array, model.w.array)
    assert opt.epoch == 1


def test_requires_devices_with_main(make_quadratic):
    model = make_quadratic()
    opt = optimizers.SGD().setup(model)
    it = iterators.SerialIterator([numpy.zeros(2, 'f')], 1)
    with pytest.raises(ValueError):
        training.ParallelUpdater(it, opt)
    with pytest.raises(KeyError):
        training.ParallelUpdater(it, opt, devices={'a': -1})
