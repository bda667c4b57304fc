"""Moving links between host and GPU (the GPU tests need CuPy)."""
import numpy

import chainer
from chainer.backends import cuda
from chainer import initializers
from chainer.testing import attr


class Leaf(chainer.Link):

    def __init__(self):
        super(Leaf, self).__init__()
        with self.init_scope():
            self.W = chainer.Parameter(numpy.arange(6, dtype='f').reshape(
                2, 3))
            self.lazy = chainer.Parameter(initializers.Constant(1))
        self.add_persistent('mean', numpy.array([1., 2.], 'f'))
        self.add_persistent('n', 3)


def _model():
    c = chainer.Chain()
    with c.init_scope():
        c.a = Leaf()
        c.b = chainer.ChainList(Leaf())
    return c


def test_to_cpu_keeps_host_arrays():
    m = _model()
    w = m.a.W.array
    assert m.to_cpu() is m
    assert m.a.W.array is w
    assert m.xp is numpy and m.a.xp is numpy and m.b[0].xp is numpy


@attr.gpu
def test_to_gpu_and_back():
    m = _model()
    assert m.to_gpu() is m
    for link in m.links():
        assert link.xp is cuda.cupy
    assert isinstance(m.a.W.array, cuda.ndarray)
    assert isinstance(m.b[0].mean, cuda.ndarray)
    assert m.a.n == 3  # scalars stay Python objects
    m.to_cpu()
    assert isinstance(m.b[0].W.array, numpy.ndarray)
    numpy.testing.assert_array_equal(m.b[0].mean, [1., 2.])
    assert m.xp is numpy


@attr.gpu
def test_lazy_param_initialized_on_link_device():
    m = _model().to_gpu()
    m.a.lazy.initialize((2,))
    assert isinstance(m.a.lazy.array, cuda.ndarray)
    # A parameter assigned to a GPU link moves there too.
    with m.a.init_scope():
        m.a.extra = chainer.Parameter(numpy.zeros(2, 'f'))
    assert isinstance(m.a.extra.array, cuda.ndarray)


@attr.gpu
def test_copyparams_and_addgrads_across_devices():
    cpu, gpu = _model(), _model().to_gpu()
    gpu.a.W.array[...] = 7
    gpu.a.mean[...] = 5
    cpu.copyparams(gpu)
    numpy.testing.assert_array_equal(cpu.a.W.array, numpy.full((2, 3), 7))
    numpy.testing.assert_array_equal(cpu.a.mean, [5, 5])
    assert isinstance(cpu.a.mean, numpy.ndarray)
    gpu.a.W.grad = cuda.cupy.ones((2, 3), 'f')
    cpu.a.W.grad = numpy.ones((2, 3), 'f')
    cpu.addgrads(gpu)
    numpy.testing.assert_array_equal(cpu.a.W.grad, numpy.full((2, 3), 2))


@attr.gpu
def test_serialize_round_trip_gpu_to_cpu(tmp_path):
    gpu = _model().to_gpu()
    path = str(tmp_path / 'm.npz')
    chainer.serializers.save_npz(path, gpu)
    cpu = _model()
    cpu.a.W.array[...] = 0
    chainer.serializers.load_npz(path, cpu)
    numpy.testing.assert_array_equal(cpu.a.W.array,
                                     cuda.to_cpu(gpu.a.W.array))
    back = _model().to_gpu()
    back.a.W.array[...] = 0
    chainer.serializers.load_npz(path, back)
    assert isinstance(back.a.W.array, cuda.ndarray)
    numpy.testing.assert_array_equal(cuda.to_cpu(back.a.W.array),
                                     numpy.arange(6).reshape(2, 3))
