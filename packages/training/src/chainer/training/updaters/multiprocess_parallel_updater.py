"""Data-parallel updater with one process per GPU and NCCL reductions."""
import multiprocessing
import warnings

import numpy

from chainer.backends import cuda
from chainer.dataset import convert
from chainer import reporter
from chainer.training.updaters import standard_updater

try:
    from cupy.cuda import nccl
    # CuPy 9+ imports the module even without the NCCL library.
    _available = bool(getattr(nccl, 'available', True))
except Exception:  # ImportError, or a CUDA library failing to load
    nccl = None
    _available = False


def _nccl_dtype(dtype):
    return {numpy.dtype(numpy.float16): nccl.NCCL_FLOAT16,
            numpy.dtype(numpy.float32): nccl.NCCL_FLOAT,
            numpy.dtype(numpy.float64): nccl.NCCL_DOUBLE}[numpy.dtype(dtype)]


def _arrays(link, attr):
    return [getattr(p, attr) for _, p in sorted(link.namedparams())
            if getattr(p, attr) is not None]


def _gather(link, attr):
    # All parameters (or gradients) as one flat buffer, so one NCCL call
    # moves them; the dtype of the first one is used for all.
    arrays = _arrays(link, attr)
    dtype = arrays[0].dtype
    return cuda.cupy.concatenate([a.ravel().astype(dtype, copy=False)
                                  for a in arrays])


def _scatter(link, attr, buffer):
    offset = 0
    for array in _arrays(link, attr):
        size = array.size
        array[...] = buffer[offset:offset + size].reshape(
            array.shape).astype(array.dtype, copy=False)
        offset += size


def _reduce_and_bcast(comm, link, reduce_grads):
    stream = cuda.Stream.null
    if reduce_grads:
        grads = _gather(link, 'grad')
        comm.reduce(grads.data.ptr, grads.data.ptr, grads.size,
                    _nccl_dtype(grads.dtype), nccl.NCCL_SUM, 0, stream.ptr)
        return grads
    params = _gather(link, 'data')
    comm.bcast(params.data.ptr, params.size, _nccl_dtype(params.dtype), 0,
               stream.ptr)
    return params


def _worker_main(rank, n, comm_id, device, model, iterator, converter, pipe):
    with cuda.Device(device):
        model.to_gpu(device)
        observer = reporter.Reporter()
        observer.add_observer('main', model)
        observer.add_observers('main', model.namedlinks(skipself=True))
        comm = nccl.NcclCommunicator(n, comm_id, rank)
        while True:
            job = pipe.recv()
            if job == 'finalize':
                cuda.Device(device).synchronize()
                break
            # Values reported on sub devices are dropped, as in v5.
            with observer.scope({}):
                batch = converter(iterator.next(), device)
                loss = standard_updater.call_loss(model, batch)
            model.cleargrads()
            loss.backward()
            del loss
            _reduce_and_bcast(comm, model, True)
            params = _reduce_and_bcast(comm, model, False)
            _scatter(model, 'data', params)


class MultiprocessParallelUpdater(standard_updater.StandardUpdater):

    """Data-parallel updater with one worker process per GPU.

    Every process takes a batch from its own iterator and computes the
    gradients of its model copy; NCCL sums the gradients into the master
    (the first device), which updates the parameters and broadcasts them
    back. Values reported on the other devices are not collected. Because
    the gradients are summed, ``lr`` (or ``eps`` of adaptive optimizers) is
    rescaled by the number of devices, as in v5.

    It needs CuPy with NCCL; :meth:`available` tells whether it can run.

    Args:
        iterators (list): One dataset iterator per device; all datasets
            must have the same length.
        optimizer: Optimizer of the master model.
        converter: Converter called with each batch and its device.
        devices (dict or list): GPU IDs; the master is ``devices['main']``
            or the first of the list.
        auto_new_epoch (bool): If ``True``, ``new_epoch`` of the optimizer
            is called at the end of each epoch.

    Raises:
        RuntimeError: NCCL (or CuPy) is not available.
    """

    def __init__(self, iterators, optimizer, converter=convert.concat_examples,
                 devices=None, auto_new_epoch=True):
        if not MultiprocessParallelUpdater.available():
            raise RuntimeError(
                'NCCL is not enabled. MultiprocessParallelUpdater requires '
                'CuPy built with NCCL (install NCCL, then reinstall CuPy).')
        if isinstance(devices, dict):
            devices = dict(devices)
            main = devices.pop('main')
            devices = [main] + list(devices.values())
        elif isinstance(devices, (list, tuple)):
            devices = list(devices)
        else:
            raise ValueError('devices argument should be either dict, list '
                             'or tuple, but {} was given.'.format(
                                 type(devices)))
        if any(device is None for device in devices):
            raise ValueError('must specify GPU devices')
        if len(iterators) != len(devices):
            raise ValueError('the number of iterators ({}) and devices ({}) '
                             'must match'.format(len(iterators), len(devices)))
        size = len(iterators[0].dataset)
        if any(len(it.dataset) != size for it in iterators):
            raise ValueError('all datasets must have the same length')

        n = len(devices)
        name = type(optimizer).__name__
        if name in ('Adam', 'AdaGrad', 'RMSprop'):
            optimizer.eps *= n
            warnings.warn('optimizer.eps is changed to {} by '
                          'MultiprocessParallelUpdater.'.format(
                              optimizer.eps))
        elif name in ('RMSpropGraves', 'AdaDelta'):
            optimizer.eps *= n * n
            warnings.warn('optimizer.eps is changed to {} by '
                          'MultiprocessParallelUpdater.'.format(
                              optimizer.eps))
        elif hasattr(optimizer, 'lr'):
            optimizer.lr /= n
            warnings.warn('optimizer.lr is changed to {} by '
                          'MultiprocessParallelUpdater.'.format(
                              optimizer.lr))

        super(MultiprocessParallelUpdater, self).__init__(
            iterator=iterators[0], optimizer=optimizer, converter=converter,
            auto_new_epoch=auto_new_epoch)
        self._master = optimizer.target
        self._devices = devices
        self._mpu_iterators = iterators
        self._initialized = False
        self._pipes = []
        self._workers = []
        self.comm = None

    @staticmethod
    def available():
        """Returns ``True`` if CuPy with NCCL can be used."""
        return _available

    def setup_workers(self):
        """Starts the worker processes and NCCL (once)."""
        if self._initialized:
            return
        self._initialized = True
        n = len(self._devices)
        self._master.cleargrads()
        comm_id = nccl.get_unique_id()
        # Forked before any CUDA context of the master exists.
        ctx = multiprocessing.get_context('fork')
        for rank in range(1, n):
            parent, child = ctx.Pipe()
            worker = ctx.Process(target=_worker_main, args=(
                rank, n, comm_id, self._devices[rank], self._master,
                self._mpu_iterators[rank], self.converter, child))
            worker.start()
            self._workers.append(worker)
            self._pipes.append(parent)
        with cuda.Device(self._devices[0]):
            self._master.to_gpu(self._devices[0])
            if n > 1:
                self.comm = nccl.NcclCommunicator(n, comm_id, 0)

    def update_core(self):
        self.setup_workers()
        for pipe in self._pipes:
            pipe.send('update')
        with cuda.Device(self._devices[0]):
            optimizer = self.get_optimizer('main')
            iterator = self.get_iterator('main')
            batch = self.converter(iterator.next(), self._devices[0])
            loss = standard_updater.call_loss(self._master, batch)
            self._master.cleargrads()
            loss.backward()
            del loss
            if self.comm is not None:
                grads = _reduce_and_bcast(self.comm, self._master, True)
                _scatter(self._master, 'grad', grads)
            optimizer.update()
            if self.comm is not None:
                _reduce_and_bcast(self.comm, self._master, False)
            if self.auto_new_epoch and iterator.is_new_epoch:
                optimizer.new_epoch(auto=True)

    def finalize(self):
        """Stops the workers and finalizes the iterators."""
        for pipe in self._pipes:
            pipe.send('finalize')
        for worker in self._workers:
            worker.join()
        self._pipes = []
        self._workers = []
        for it in self._mpu_iterators:
            it.finalize()
