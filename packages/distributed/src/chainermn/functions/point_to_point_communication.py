"""Differentiable ``send`` and ``recv`` for model parallelism."""
import chainer.utils
from chainer import backend
from chainer import function_node
from chainermn.functions import _util


class Send(function_node.FunctionNode):

    """Sends its inputs forward; receives their gradients backward."""

    def __init__(self, comm, peer_rank, peer_tag):
        self.comm = comm
        self.peer_rank = peer_rank
        self.peer_tag = peer_tag

    def forward(self, inputs):
        xs = inputs[:-1]  # the last input is a dummy that keeps backward
        self._specs = _util.output_spec(xs)
        self.comm.send(xs[0] if len(xs) == 1 else tuple(xs),
                       self.peer_rank, self.peer_tag)
        xp = backend.get_array_module(*inputs)
        return _util.empty_delegate(xp),

    def backward(self, indexes, grad_outputs):
        grads = self.comm.recv(self.peer_rank, self.peer_tag)
        if not isinstance(grads, tuple):
            grads = (grads,)
        grads = [g.astype(dtype, copy=False).reshape(shape)
                 for g, (shape, dtype, _) in zip(grads, self._specs)]
        dummy = _util.empty_delegate(self._specs[0][2])
        return _util.as_variables(grads + [dummy])


class Recv(function_node.FunctionNode):

    """Receives arrays forward; sends their gradients back."""

    def __init__(self, comm, peer_rank, peer_tag):
        self.comm = comm
        self.peer_rank = peer_rank
        self.peer_tag = peer_tag

    def forward(self, inputs):
        data = self.comm.recv(self.peer_rank, self.peer_tag)
        ys = data if isinstance(data, tuple) else (data,)
        self._specs = _util.output_spec(ys)
        self._input_spec = _util.output_spec(inputs)
        return ys

    def backward(self, indexes, grad_outputs):
        gys = _util.fill_grads(grad_outputs, self._specs)
        self.comm.send(gys[0] if len(gys) == 1 else tuple(gys),
                       self.peer_rank, self.peer_tag)
        (shape, dtype, xp), = self._input_spec
        return _util.as_variables([xp.zeros(shape, dtype=dtype)])


def send(x, communicator, rank, tag=0):
    """Sends ``x`` to ``rank``; backward receives its gradient from there.

    Args:
        x (~chainer.Variable or tuple): Variable(s) to send.
        communicator (CommunicatorBase): ChainerMN communicator.
        rank (int): Destination rank (not this rank).
        tag (int): MPI message tag.

    Returns:
        ~chainer.Variable: A zero-size *delegate variable*. Call its
        ``backward()`` (or pass it to :func:`recv` or
        :func:`pseudo_connect`) so that the gradient is received.
    """
    chainer.utils.experimental('chainermn.functions.send')
    if rank == communicator.rank:
        raise ValueError('rank must be different from communicator rank, '
                         'otherwise deadlock occurs')
    xs = tuple(x) if isinstance(x, (list, tuple)) else (x,)
    delegate, = Send(communicator, rank, tag).apply(
        xs + (_util.dummy_variable(),))
    return _util.mark_delegate(delegate)


def recv(communicator, rank, delegate_variable=None, tag=0,
         force_tuple=False):
    """Receives Variables from ``rank``; backward sends their gradients back.

    Args:
        communicator (CommunicatorBase): ChainerMN communicator.
        rank (int): Source rank (not this rank).
        delegate_variable (~chainer.Variable): Delegate returned by an
            earlier :func:`send` of this process, which orders the two in
            backward.
        tag (int): MPI message tag.
        force_tuple (bool): Return a tuple even for a single array.

    Returns:
        ~chainer.Variable or tuple of them, as sent.
    """
    chainer.utils.experimental('chainermn.functions.recv')
    if rank == communicator.rank:
        raise ValueError('rank must be different from communicator rank, '
                         'otherwise deadlock occurs')
    if delegate_variable is None:
        inputs = (_util.dummy_variable(),)
    else:
        delegate_variable.name = 'delegate_variable'
        inputs = (delegate_variable,)
    ys = Recv(communicator, rank, tag).apply(inputs)
    if len(ys) == 1 and not force_tuple:
        return ys[0]
    return ys
