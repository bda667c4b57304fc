"""CUDA support through CuPy (``chainer.backends.cuda``, alias ``chainer.cuda``).

Every name works on a CPU-only machine: ``available`` is ``False``, ``cupy``
is ``None``-like, arrays stay numpy, and device objects are dummies. When
CuPy imports and a device is present, the functions delegate to it.
"""
import contextlib
import functools
import os
import threading
import warnings

import numpy

from chainer import configuration

available = False
cudnn_enabled = False
_resolution_error = None

try:
    # Only what every CuPy release has: a missing submodule here would
    # hide the GPU altogether (CuPy 14, for one, dropped cupy.cudnn).
    import cupy
    import cupy.cuda
    ndarray = cupy.ndarray
    available = True
    try:
        available = cupy.cuda.runtime.getDeviceCount() > 0
    except Exception as e:  # CuPy present but no driver or device
        available = False
        _resolution_error = e
except Exception as e:
    _resolution_error = e
    cupy = None

    class ndarray(object):  # NOQA
        """Placeholder so ``isinstance(x, cuda.ndarray)`` works without CuPy."""

        def __init__(self, *args, **kwargs):
            raise RuntimeError('CuPy is not available: %s' % _resolution_error)

if available:
    try:
        import cupy.cudnn
        cudnn = cupy.cudnn
        libcudnn = cupy.cuda.cudnn
        cudnn_enabled = not int(os.environ.get('CHAINER_CUDNN', '1')) == 0
    except Exception:
        cudnn = None
        libcudnn = None
else:
    cudnn = None
    libcudnn = None


def check_cuda_available():
    """Raises ``RuntimeError`` unless CuPy and a CUDA device are usable."""
    if not available:
        msg = ('CUDA environment is not correctly set up\n'
               '(see https://github.com/chainer/chainer#installation).')
        if _resolution_error is not None:
            msg += '\n' + str(_resolution_error)
        raise RuntimeError(msg)


class DummyDeviceType(object):

    """The CPU stand-in for ``cupy.cuda.Device`` (``with`` does nothing)."""

    id = -1

    def __int__(self):
        return -1

    def __enter__(self):
        return self

    def __exit__(self, *args):
        pass

    def use(self):
        pass

    def synchronize(self):
        pass

    def __eq__(self, other):
        return isinstance(other, DummyDeviceType)

    def __ne__(self, other):
        return not self == other

    def __hash__(self):
        return hash(DummyDeviceType)

    def __repr__(self):
        return '<DummyDevice: -1>'


DummyDevice = DummyDeviceType()


def get_device_from_id(device_id):
    """Returns ``cupy.cuda.Device(device_id)`` or the dummy for ``None``."""
    if device_id is not None:
        check_cuda_available()
        return cupy.cuda.Device(device_id)
    return DummyDevice


def get_device_from_array(*arrays):
    """Returns the device of the first CuPy array, else the dummy device."""
    for array in arrays:
        if available and isinstance(array, ndarray) and \
                array.device is not None:
            return array.device
    return DummyDevice


def get_device(*args):
    """Deprecated v4 helper; use get_device_from_id/get_device_from_array."""
    warnings.warn('get_device is deprecated. Please use get_device_from_id '
                  'or get_device_from_array instead.', DeprecationWarning)
    for arg in args:
        if arg is None:
            continue
        if type(arg) in (int, numpy.integer) or isinstance(arg, int):
            if arg < 0:
                return DummyDevice
            check_cuda_available()
            return cupy.cuda.Device(arg)
        if available and isinstance(arg, ndarray):
            return arg.device
        if available and isinstance(arg, cupy.cuda.Device):
            return arg
    return DummyDevice


def _get_device_or_current(device):
    if device is None:
        return cupy.cuda.Device()
    if isinstance(device, int) or isinstance(device, numpy.integer):
        return cupy.cuda.Device(int(device))
    return device


def to_gpu(array, device=None, stream=None):
    """Copies an array (or a list/tuple of arrays) to a GPU device.

    Args:
        array: numpy/cupy array, scalar, ``None``, or list/tuple of them.
        device: Device id or object; the current device when ``None``.
        stream: Deprecated; CUDA stream for the copy.
    Returns:
        cupy.ndarray (or the same container of them).
    """
    check_cuda_available()
    if stream is not None:
        warnings.warn('The stream option is deprecated in chainer.'
                      'backends.cuda.to_gpu.', DeprecationWarning)
    if isinstance(array, (list, tuple)):
        d = {}
        ret = [_array_to_gpu(a, device, stream, d) for a in array]
        return ret if isinstance(array, list) else tuple(ret)
    return _array_to_gpu(array, device, stream, {})


def _array_to_gpu(array, device, stream, cache):
    if array is None:
        return None
    if isinstance(array, (numpy.number, numpy.bool_)):
        array = numpy.asarray(array)
    if not isinstance(array, (numpy.ndarray, ndarray)):
        raise TypeError('The array sent to gpu must be an array or a '
                        'NumPy scalar. Actual type: {}'.format(type(array)))
    with _get_device_or_current(device):
        if isinstance(array, ndarray):
            if array.device.id == cupy.cuda.Device().id:
                return array
            return cupy.array(array, copy=True)
        return cupy.asarray(array)


def to_cpu(array, stream=None):
    """Copies an array (or a list/tuple of arrays) to the host.

    numpy arrays and ``None`` are returned as they are; numpy scalars become
    0-dim arrays.
    """
    if isinstance(array, (list, tuple)):
        ret = [to_cpu(a, stream) for a in array]
        return ret if isinstance(array, list) else tuple(ret)
    if array is None:
        return None
    if isinstance(array, numpy.ndarray):
        return array
    if isinstance(array, (numpy.number, numpy.bool_)):
        return numpy.asarray(array)
    if available and isinstance(array, ndarray):
        with get_device_from_array(array):
            return array.get(stream)
    raise TypeError('The array sent to cpu must be numpy.ndarray or '
                    'cupy.ndarray, or a NumPy scalar.\nActual type: {0}.'
                    .format(type(array)))


def copy(array, out=None, out_device=None, stream=None):
    """Copies a CuPy array, optionally into ``out`` or onto another device."""
    check_cuda_available()
    assert stream is None  # v5 does not support asynchronous copy here
    if out is None:
        with _get_device_or_current(out_device):
            out = cupy.empty_like(array)
    with get_device_from_array(array):
        cupy.copyto(out, array)
    return out


def get_array_module(*args):
    """Returns ``cupy`` or ``numpy`` for the arguments (like backend's)."""
    from chainer import backend
    return backend.get_array_module(*args)


_memoized_funcs = []


def memoize(for_each_device=False):
    """Caches a function's results by arguments (per device if requested)."""
    if available:
        return cupy.memoize(for_each_device)

    def decorator(f):
        cache = {}

        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            key = (args, frozenset(kwargs.items()))
            if key not in cache:
                cache[key] = f(*args, **kwargs)
            return cache[key]
        _memoized_funcs.append(cache)
        return wrapper
    return decorator


def clear_memo():
    """Clears the caches of every :func:`memoize`-decorated function."""
    if available:
        cupy.clear_memo()
    for cache in _memoized_funcs:
        cache.clear()


@memoize(for_each_device=True)
def elementwise(in_params, out_params, operation, name, **kwargs):
    """Creates (and caches) a ``cupy.ElementwiseKernel``."""
    check_cuda_available()
    return cupy.ElementwiseKernel(
        in_params, out_params, operation, name, **kwargs)


@memoize(for_each_device=True)
def reduce(in_params, out_params, map_expr, reduce_expr, post_map_expr,
           identity, name, **kwargs):
    """Creates (and caches) a ``cupy.ReductionKernel``."""
    check_cuda_available()
    return cupy.ReductionKernel(
        in_params, out_params, map_expr, reduce_expr, post_map_expr,
        identity, name, **kwargs)


@memoize(for_each_device=True)
def raw(code, name, *args, **kwargs):
    """Creates (and caches) a ``cupy.RawKernel``."""
    check_cuda_available()
    return cupy.RawKernel(code, name, *args, **kwargs)


_max_workspace_size = 8 * 1024 * 1024


def get_max_workspace_size():
    """Returns the cuDNN workspace size limit in bytes."""
    if cudnn_enabled:
        return cudnn.get_max_workspace_size()
    return _max_workspace_size


def set_max_workspace_size(size):
    """Sets the cuDNN workspace size limit in bytes."""
    global _max_workspace_size
    _max_workspace_size = size
    if cudnn_enabled:
        cudnn.set_max_workspace_size(size)


def fuse(*args, **kwargs):
    """``cupy.fuse`` when CuPy is available; on CPU the function itself."""
    if available:
        return cupy.fuse(*args, **kwargs)
    if len(args) == 1 and callable(args[0]) and not kwargs:
        return args[0]
    return lambda f: f


_SHOULD_USE_CUDNN = {
    '==always': {'always': True, 'auto': False, 'never': False},
    '>=auto': {'always': True, 'auto': True, 'never': False},
}


def should_use_cudnn(level, lowest_version=0):
    """Whether cuDNN should be used under ``chainer.config.use_cudnn``.

    Args:
        level (str): ``'==always'`` or ``'>=auto'``.
        lowest_version (int): Minimum cuDNN version required.
    """
    if not cudnn_enabled:
        return False
    if _cudnn_version < lowest_version:
        return False
    if level not in _SHOULD_USE_CUDNN:
        raise ValueError('invalid cuDNN use level: %s '
                         '(must be either of "==always" or ">=auto")'
                         % repr(level))
    flags = _SHOULD_USE_CUDNN[level]
    use = configuration.config.use_cudnn
    if use not in flags:
        raise ValueError('invalid use_cudnn configuration: %s '
                         '(must be either of "always", "auto", or "never")'
                         % repr(use))
    return flags[use]


def should_use_cudnn_tensor_core(dtype):
    """Whether cuDNN tensor cores should be used for ``dtype``."""
    use = configuration.config.use_cudnn_tensor_core
    if use == 'always':
        return True
    if use == 'never':
        return False
    if use != 'auto':
        raise ValueError('invalid use_cudnn_tensor_core configuration: %s'
                         % repr(use))
    if not cudnn_enabled or _cudnn_version < 7000:
        return False
    return numpy.dtype(dtype) == numpy.float16 and \
        int(cupy.cuda.Device().compute_capability) >= 70


try:
    _cudnn_version = libcudnn.getVersion() if cudnn_enabled else -1
except Exception:
    _cudnn_version = -1


# Array types the cuDNN paths take.  CPU tests put numpy.ndarray here to
# drive the functions' cuDNN glue against a numpy stand-in of cupy.cudnn.
_cudnn_array_types = (ndarray,)


def _cudnn_usable(x, level='>=auto', lowest_version=0):
    """Whether a function should hand array ``x`` to cuDNN: cuDNN is
    enabled and allowed by ``chainer.config.use_cudnn`` at ``level``, and
    ``x`` is a non-empty float16/32/64 CuPy array (cuDNN's descriptors
    reject zero-sized dimensions).  Cheap on CPU (the first test fails).
    """
    return (cudnn_enabled and isinstance(x, _cudnn_array_types)
            and x.dtype.char in 'efd' and x.size > 0
            and should_use_cudnn(level, lowest_version))


_dropout_states = {}
_dropout_states_lock = threading.Lock()


def get_cudnn_dropout_states():
    """The ``cupy.cudnn.DropoutStates`` of the current device and thread.

    Created on first use.  The seed is ``CHAINER_SEED`` (plus a counter,
    so that each device and thread draws its own stream) when that
    variable is set, and random otherwise.
    """
    if not cudnn_enabled:
        raise RuntimeError('cuDNN is not enabled.')
    key = (cupy.cuda.Device().id, threading.get_ident())
    with _dropout_states_lock:
        states = _dropout_states.get(key)
        if states is None:
            seed = os.environ.get('CHAINER_SEED')
            if seed is None:
                seed = numpy.random.randint(0, 2 ** 31 - 1)
            else:
                seed = int(seed) + len(_dropout_states)
            states = cudnn.DropoutStates(None, int(seed))
            _dropout_states[key] = states
    return states


@contextlib.contextmanager
def using_device(*args):
    """Context manager that selects the device of the given arrays."""
    with get_device_from_array(*args):
        yield


def using_allocator(allocator=None):
    """``cupy.cuda.using_allocator`` (requires CuPy)."""
    check_cuda_available()
    return cupy.cuda.using_allocator(allocator)


if available:
    Device = cupy.cuda.Device
    # v5 re-exported these too (scripts and the multiprocess updater use
    # cuda.Stream / cuda.Event).
    Event = cupy.cuda.Event
    Stream = cupy.cuda.Stream
else:
    Device = DummyDeviceType
