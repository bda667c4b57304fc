"""Converters that turn a list of examples into batched arrays."""
import contextlib

import numpy

from chainer import backend
from chainer.backends import cuda


def to_device(device, x):
    """Send an array to a given device.

    Args:
        device (int or None): Device ID to which the array is sent. A
            negative value means the CPU, a non-negative one the GPU of that
            ID, and ``None`` leaves the array where it is.
        x (numpy.ndarray or cupy.ndarray): An array to send.

    Returns:
        The converted array.

    """
    if device is None:
        return x
    if device < 0:
        return cuda.to_cpu(x)
    return cuda.to_gpu(x, device)


def _is_array(x):
    return isinstance(x, numpy.ndarray) or \
        backend.get_array_module(x) is not numpy


def _device_scope(array):
    # Allocations for a cupy result must happen on the device of its inputs.
    # (A numpy scalar, a row of a numpy batch, has a ``device`` too.)
    if backend.get_array_module(array) is numpy:
        return contextlib.nullcontext()
    return array.device


def _concat_arrays(arrays, padding):
    if padding is not None:
        if not _is_array(arrays[0]):
            # As in v5, one numpy.asarray over the whole batch picks a
            # common dtype ([1, 2.5] gives float64). Ragged built-in
            # sequences, which that cannot take, go one by one instead.
            try:
                arrays = numpy.asarray(arrays)
            except ValueError:
                arrays = [numpy.asarray(a) for a in arrays]
        return _concat_arrays_with_padding(arrays, padding)
    if not _is_array(arrays[0]):
        # Scalars or nested lists: numpy infers one dtype for the batch.
        return numpy.asarray(arrays)
    xp = backend.get_array_module(arrays[0])
    with _device_scope(arrays[0]):
        return xp.concatenate([a[None] for a in arrays])


def _concat_arrays_with_padding(arrays, padding):
    ndim = arrays[0].ndim
    for a in arrays:
        if a.ndim != ndim:
            raise ValueError(
                'all arrays must have the same ndim to be padded, got {} '
                'and {}'.format(ndim, a.ndim))
    shape = [max(a.shape[i] for a in arrays) for i in range(ndim)]
    xp = backend.get_array_module(arrays[0])
    with _device_scope(arrays[0]):
        result = xp.full([len(arrays)] + shape, padding,
                         dtype=arrays[0].dtype)
        for i, a in enumerate(arrays):
            result[(i,) + tuple(slice(n) for n in a.shape)] = a
    return result


def _concat_batch(batch, padding, concat):
    # Shared by concat_examples and ConcatWithAsyncTransfer: walks the
    # example structure (tuple, dict or array) and concatenates per slot.
    if len(batch) == 0:
        raise ValueError('batch is empty')
    first = batch[0]
    if isinstance(first, tuple):
        if not isinstance(padding, tuple):
            padding = [padding] * len(first)
        return tuple(concat([ex[i] for ex in batch], padding[i])
                     for i in range(len(first)))
    if isinstance(first, dict):
        if not isinstance(padding, dict):
            padding = {key: padding for key in first}
        return {key: concat([ex[key] for ex in batch], padding[key])
                for key in first}
    return concat(batch, padding)


def concat_examples(batch, device=None, padding=None):
    """Concatenates a list of examples into array(s).

    It turns a list of examples into batched arrays: the elements at the
    same position of each example are stacked along a new first axis (the
    batch axis). An example that is a tuple gives a tuple of arrays, one
    that is a dict gives a dict of arrays with the same keys, and an array
    (or scalar) gives one array.

    If the arrays to stack differ in shape, ``padding`` must be given: the
    result then has the smallest shape holding every array, and the extra
    elements are filled with ``padding``.

    Args:
        batch (list): A list of examples, typically from an iterator.
        device (int): Device ID to which each array is sent. A negative
            value means the CPU; ``None`` leaves the arrays where they are.
        padding: Scalar value for extra elements, or a tuple/dict of them
            matching the structure of the examples. ``None`` (default)
            raises an error on shape mismatch.

    Returns:
        An array, a tuple of arrays or a dict of arrays, depending on the
        type of the examples.

    >>> import numpy as np
    >>> concat_examples([(np.array([1, 2]), 0), (np.array([3]), 1)],
    ...                 padding=-1)
    (array([[ 1,  2],
           [ 3, -1]]), array([0, 1]))

    """
    return _concat_batch(
        batch, padding,
        lambda arrays, pad: to_device(device, _concat_arrays(arrays, pad)))


class ConcatWithAsyncTransfer(object):

    """Interface to concatenate data and transfer them to GPU asynchronously.

    The batch is concatenated on the host, copied into page-locked memory
    and sent to the GPU on a separate CUDA stream, so that the transfer of
    the next batch can overlap the kernels running on the current one. It is
    mainly meant as the ``converter`` of an updater::

        updater = chainer.training.updaters.StandardUpdater(
            ..., converter=convert.ConcatWithAsyncTransfer(), ...)

    With ``device`` ``None`` or negative it behaves as
    :func:`concat_examples`.

    Args:
        stream (cupy.cuda.Stream): CUDA stream for the transfers. If
            ``None``, a non-blocking stream is created on the first call.
        compute_stream (cupy.cuda.Stream): Stream on which the model runs.
            If given, that stream waits for the transfer on the GPU instead
            of the host blocking until the transfer ends.

    """

    def __init__(self, stream=None, compute_stream=None):
        self._stream = stream
        self.compute_stream = compute_stream
        self._device = None
        self._device_fixed = False
        # Page-locked buffers of the last transfer; they must outlive it.
        self._pinned_buffers = []

    def __call__(self, batch, device=None, padding=None):
        """Concatenates ``batch`` and transfers it to ``device``.

        Args:
            batch (list): A list of examples.
            device (int): Device ID to which each array is sent. It must be
                the same at every call.
            padding: Scalar value for extra elements (see
                :func:`concat_examples`).

        Returns:
            An array, a tuple of arrays or a dict of arrays.

        """
        if not self._device_fixed:
            self._device = device
            self._device_fixed = True
        elif device != self._device:
            raise ValueError(
                'device must stay the same across calls: first {}, now '
                '{}'.format(self._device, device))
        if device is None or device < 0:
            return concat_examples(batch, device, padding)

        cupy = cuda.cupy
        with cupy.cuda.Device(device):
            if self._stream is None:
                self._stream = cupy.cuda.Stream(non_blocking=True)
            # The previous transfer is complete once the caller saw its
            # data, but synchronize anyway before freeing its buffers.
            self._stream.synchronize()
            self._pinned_buffers = []
            result = _concat_batch(batch, padding, self._concat_and_send)
            if self.compute_stream is not None:
                self.compute_stream.wait_event(self._stream.record())
            else:
                self._stream.synchronize()
        return result

    def _concat_and_send(self, arrays, padding):
        array = _concat_arrays(arrays, padding)
        cupy = cuda.cupy
        if not isinstance(array, numpy.ndarray):
            return cuda.to_gpu(array, self._device)
        array = numpy.ascontiguousarray(array)
        if array.nbytes == 0:
            return cupy.asarray(array)
        mem = cupy.cuda.alloc_pinned_memory(array.nbytes)
        pinned = numpy.frombuffer(mem, array.dtype, array.size).reshape(
            array.shape)
        pinned[...] = array
        self._pinned_buffers.append(mem)
        out = cupy.empty(array.shape, array.dtype)
        out.set(pinned, stream=self._stream)
        return out
