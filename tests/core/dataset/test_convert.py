import numpy
import pytest

from chainer import dataset
from chainer.backends import cuda
from chainer.dataset import convert
from chainer.testing import attr


def _arrays(dtype=numpy.float32):
    rng = numpy.random.RandomState(0)
    return [rng.uniform(-1, 1, (2, 3)).astype(dtype) for _ in range(4)]


def test_arrays():
    xs = _arrays()
    y = dataset.concat_examples(xs)
    assert isinstance(y, numpy.ndarray)
    assert y.shape == (4, 2, 3) and y.dtype == numpy.float32
    numpy.testing.assert_array_equal(y, numpy.stack(xs))


def test_arrays_0dim():
    xs = [numpy.float32(i) for i in range(3)] + [numpy.array(3, 'f')]
    y = dataset.concat_examples(xs)
    numpy.testing.assert_array_equal(y, [0, 1, 2, 3])


def test_tuples():
    xs = _arrays()
    ts = numpy.arange(4, dtype=numpy.int32)
    x, t = dataset.concat_examples(list(zip(xs, ts)))
    numpy.testing.assert_array_equal(x, numpy.stack(xs))
    numpy.testing.assert_array_equal(t, ts)
    assert t.dtype == numpy.int32


def test_dicts():
    xs = _arrays()
    batch = [{'x': x, 'y': i} for i, x in enumerate(xs)]
    out = dataset.concat_examples(batch)
    assert set(out) == {'x', 'y'}
    numpy.testing.assert_array_equal(out['x'], numpy.stack(xs))
    numpy.testing.assert_array_equal(out['y'], [0, 1, 2, 3])


def test_builtin_lists():
    x, t = dataset.concat_examples([([1, 2], 1), ([3, 4], 2), ([5, 6], 3)])
    numpy.testing.assert_array_equal(x, [[1, 2], [3, 4], [5, 6]])
    numpy.testing.assert_array_equal(t, [1, 2, 3])


def test_shape_mismatch_without_padding():
    with pytest.raises(ValueError):
        dataset.concat_examples([numpy.zeros(2), numpy.zeros(3)])


def test_padding_scalar():
    batch = [(numpy.array([1, 2]), 0), (numpy.array([3]), 1),
             (numpy.array([], numpy.int64), 2)]
    x, t = dataset.concat_examples(batch, padding=100)
    numpy.testing.assert_array_equal(x, [[1, 2], [3, 100], [100, 100]])
    numpy.testing.assert_array_equal(t, [0, 1, 2])
    assert x.dtype == batch[0][0].dtype


def test_padding_tuple():
    batch = [(numpy.array([1, 2]), numpy.array([0])),
             (numpy.array([3]), numpy.array([], numpy.int64)),
             (numpy.array([], numpy.int64), numpy.array([2]))]
    x, t = dataset.concat_examples(batch, padding=(100, 200))
    numpy.testing.assert_array_equal(x, [[1, 2], [3, 100], [100, 100]])
    numpy.testing.assert_array_equal(t, [[0], [200], [2]])


def test_padding_dict():
    batch = [{'a': numpy.ones((1, 3)), 'b': numpy.ones(2)},
             {'a': numpy.ones((2, 1)), 'b': numpy.ones(1)}]
    out = dataset.concat_examples(batch, padding={'a': -1, 'b': 0})
    expected_a = numpy.array([[[1, 1, 1], [-1, -1, -1]],
                              [[1, -1, -1], [1, -1, -1]]])
    numpy.testing.assert_array_equal(out['a'], expected_a)
    numpy.testing.assert_array_equal(out['b'], [[1, 1], [1, 0]])
    out = dataset.concat_examples(batch, padding=7)
    numpy.testing.assert_array_equal(out['b'], [[1, 1], [1, 7]])


def test_padding_2d_random():
    rng = numpy.random.RandomState(1)
    shapes = [(2, 5), (4, 1), (3, 3)]
    arrays = [rng.uniform(size=s).astype(numpy.float32) for s in shapes]
    y = dataset.concat_examples(arrays, padding=-5)
    assert y.shape == (3, 4, 5) and y.dtype == numpy.float32
    for i, a in enumerate(arrays):
        expected = numpy.full((4, 5), -5, numpy.float32)
        expected[:a.shape[0], :a.shape[1]] = a
        numpy.testing.assert_array_equal(y[i], expected)


def test_padding_ragged_lists():
    y = dataset.concat_examples([[1, 2, 3], [4]], padding=0)
    numpy.testing.assert_array_equal(y, [[1, 2, 3], [4, 0, 0]])


def test_padding_builtin_values_share_one_dtype():
    # v5 turns a batch of built-in values into one numpy array before
    # padding, so the dtype is the common one, not the first element's.
    x = dataset.concat_examples([1, 2.5], padding=0)
    assert x.dtype == numpy.float64
    numpy.testing.assert_array_equal(x, [1., 2.5])
    x, t = dataset.concat_examples([([1, 2], 0), ([3.5, 4], 1)], padding=-1)
    assert x.dtype == numpy.float64
    numpy.testing.assert_array_equal(x, [[1., 2.], [3.5, 4.]])
    numpy.testing.assert_array_equal(t, [0, 1])


def test_padding_ndim_mismatch():
    with pytest.raises(ValueError):
        dataset.concat_examples([numpy.zeros(2), numpy.zeros((2, 2))],
                                padding=0)


def test_empty_batch():
    with pytest.raises(ValueError):
        dataset.concat_examples([])


@pytest.mark.parametrize('device', [None, -1])
def test_cpu_device(device):
    xs = _arrays()
    x, t = dataset.concat_examples([(x, 1) for x in xs], device=device)
    assert isinstance(x, numpy.ndarray) and isinstance(t, numpy.ndarray)
    numpy.testing.assert_array_equal(x, numpy.stack(xs))


def test_to_device_cpu():
    x = numpy.arange(3)
    assert dataset.to_device(None, x) is x
    y = dataset.to_device(-1, x)
    assert isinstance(y, numpy.ndarray)
    numpy.testing.assert_array_equal(y, x)


@pytest.mark.parametrize('device', [None, -1])
def test_async_transfer_on_cpu_is_concat(device):
    conv = convert.ConcatWithAsyncTransfer()
    xs = _arrays()
    for _ in range(2):
        x, t = conv([(x, i) for i, x in enumerate(xs)], device)
        assert isinstance(x, numpy.ndarray)
        numpy.testing.assert_array_equal(x, numpy.stack(xs))
        numpy.testing.assert_array_equal(t, [0, 1, 2, 3])


def test_async_transfer_padding_and_errors():
    conv = dataset.ConcatWithAsyncTransfer()
    y = conv([numpy.ones(1), numpy.ones(2)], padding=0)
    numpy.testing.assert_array_equal(y, [[1, 0], [1, 1]])
    with pytest.raises(ValueError):
        conv([numpy.ones(1)], device=-1)  # device differs from first call
    with pytest.raises(ValueError):
        conv([])


@attr.gpu
def test_gpu_device():
    xs = _arrays()
    x, t = dataset.concat_examples([(x, 1) for x in xs], device=0)
    assert isinstance(x, cuda.ndarray) and isinstance(t, cuda.ndarray)
    numpy.testing.assert_array_equal(cuda.to_cpu(x), numpy.stack(xs))
    back = dataset.concat_examples([cuda.to_gpu(x) for x in xs], device=-1)
    assert isinstance(back, numpy.ndarray)


@attr.gpu
def test_gpu_padding_stays_on_device():
    xs = [cuda.to_gpu(numpy.ones(n, numpy.float32)) for n in (1, 3)]
    y = dataset.concat_examples(xs, padding=-1)
    assert isinstance(y, cuda.ndarray)
    numpy.testing.assert_array_equal(cuda.to_cpu(y),
                                     [[1, -1, -1], [1, 1, 1]])


@attr.gpu
@pytest.mark.parametrize('use_compute_stream', [False, True])
def test_gpu_async_transfer(use_compute_stream):
    stream = cuda.cupy.cuda.Stream() if use_compute_stream else None
    conv = dataset.ConcatWithAsyncTransfer(compute_stream=stream)
    for k in range(3):
        xs = [numpy.full((2, 3), k + i, numpy.float32) for i in range(4)]
        batch = [{'x': x, 't': numpy.int32(i)} for i, x in enumerate(xs)]
        out = conv(batch, 0, padding=None)
        if stream is not None:
            stream.synchronize()
        assert isinstance(out['x'], cuda.ndarray)
        numpy.testing.assert_array_equal(cuda.to_cpu(out['x']),
                                         numpy.stack(xs))
        numpy.testing.assert_array_equal(cuda.to_cpu(out['t']),
                                         [0, 1, 2, 3])
