"""Differentiable collectives: bcast, gather, scatter, allgather, alltoall.

Every rank must call them, and their backward, in the same order. A
missing output gradient is sent as zeros, so backward never leaves a peer
waiting.
"""
import chainer.utils
from chainer import backend
from chainer import function_node
from chainermn.functions import _util


class _Collective(function_node.FunctionNode):

    def __init__(self, comm, root=0):
        self.comm = comm
        self.root = root

    @property
    def is_root(self):
        return self.comm.rank == self.root


class Bcast(_Collective):

    def forward(self, inputs):
        x = inputs[0] if self.is_root else None
        y = self.comm.bcast(x, root=self.root)
        if self.is_root:
            y = y.copy()  # an output must not alias the input
        self._specs = _util.output_spec([y])
        self._in_specs = _util.output_spec(inputs)
        return y,

    def backward(self, indexes, grad_outputs):
        gy, = _util.fill_grads(grad_outputs, self._specs)
        gys = self.comm.gather(gy, root=self.root)
        if self.is_root:
            xp = backend.get_array_module(gy)
            return _util.as_variables([xp.stack(gys).sum(axis=0)])
        return None,


class Gather(_Collective):

    def forward(self, inputs):
        x, = inputs
        self._in_specs = _util.output_spec(inputs)
        ys = self.comm.gather(x, root=self.root)
        if self.is_root:
            self._specs = _util.output_spec(ys)
            return tuple(y.copy() for y in ys)
        xp = backend.get_array_module(x)
        self._specs = None
        return _util.empty_delegate(xp),

    def backward(self, indexes, grad_outputs):
        if self.is_root:
            gys = _util.fill_grads(grad_outputs, self._specs)
            gx = self.comm.scatter(gys, root=self.root)
        else:
            gx = self.comm.scatter(None, root=self.root)
        return _util.as_variables([gx])


class Scatter(_Collective):

    def forward(self, inputs):
        self._in_specs = _util.output_spec(inputs)
        y = self.comm.scatter(inputs if self.is_root else None,
                              root=self.root)
        self._specs = _util.output_spec([y])
        return y,

    def backward(self, indexes, grad_outputs):
        gy, = _util.fill_grads(grad_outputs, self._specs)
        gxs = self.comm.gather(gy, root=self.root)
        if self.is_root:
            return _util.as_variables(gxs)
        (shape, dtype, xp), = self._in_specs
        return _util.as_variables([xp.zeros(shape, dtype=dtype)])


class AllGather(_Collective):

    def forward(self, inputs):
        x, = inputs
        ys = self.comm.allgather(x)
        self._specs = _util.output_spec(ys)
        return tuple(ys)

    def backward(self, indexes, grad_outputs):
        gys = _util.fill_grads(grad_outputs, self._specs)
        gxs = self.comm.alltoall(gys)
        xp = backend.get_array_module(gxs[0])
        return _util.as_variables([xp.stack(gxs).sum(axis=0)])


class AllToAll(_Collective):

    def forward(self, inputs):
        ys = self.comm.alltoall(inputs)
        self._specs = _util.output_spec(ys)
        return tuple(ys)

    def backward(self, indexes, grad_outputs):
        gys = _util.fill_grads(grad_outputs, self._specs)
        return _util.as_variables(self.comm.alltoall(gys))


def bcast(comm, x, root=0):
    """Differentiable broadcast of ``x`` from ``root``.

    Other ranks may pass ``None``. Backward sums the gradients of all
    ranks onto ``root``.

    Returns:
        ~chainer.Variable: The broadcast array on every rank.
    """
    chainer.utils.experimental('chainermn.functions.bcast')
    if comm.rank == root:
        y, = Bcast(comm, root).apply((x,))
    else:
        y, = Bcast(comm, root).apply((_util.dummy_variable(),))
    return y


def gather(comm, x, root=0):
    """Differentiable gather of one Variable per rank onto ``root``.

    Returns:
        On ``root``, a tuple of ``size`` Variables; elsewhere a zero-size
        delegate Variable (call its ``backward()``).
    """
    chainer.utils.experimental('chainermn.functions.gather')
    ys = Gather(comm, root).apply((x,))
    if comm.rank == root:
        return ys
    return _util.mark_delegate(ys[0])


def scatter(comm, xs, root=0):
    """Differentiable scatter of ``xs`` (``size`` Variables) from ``root``.

    Other ranks may pass ``None``.

    Returns:
        ~chainer.Variable: This rank's part.
    """
    chainer.utils.experimental('chainermn.functions.scatter')
    if comm.rank == root:
        if len(xs) != comm.size:
            raise ValueError('scatter needs one variable per rank: got %d '
                             'for %d ranks' % (len(xs), comm.size))
        y, = Scatter(comm, root).apply(tuple(xs))
    else:
        y, = Scatter(comm, root).apply((_util.dummy_variable(),))
    return y


def allgather(comm, x):
    """Differentiable all-gather: one Variable per rank, on every rank.

    Returns:
        tuple of ~chainer.Variable: ``size`` Variables.
    """
    chainer.utils.experimental('chainermn.functions.allgather')
    return AllGather(comm).apply((x,))


def alltoall(comm, xs):
    """Differentiable all-to-all: ``xs[i]`` goes to rank ``i``.

    Returns:
        tuple of ~chainer.Variable: What each rank sent to this one.
    """
    chainer.utils.experimental('chainermn.functions.alltoall')
    if len(xs) != comm.size:
        raise ValueError('The length of xs must be same as communicator '
                         'size.')
    return AllToAll(comm).apply(tuple(xs))
