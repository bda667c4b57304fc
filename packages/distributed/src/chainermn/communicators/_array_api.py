"""The ndarray-level communication methods of MPI communicators.

Arrays travel as raw bytes after a pickled :class:`MessageType` header, so
shapes may differ between ranks and every dtype (float16 included) can be
sent. GPU arrays are handed to MPI directly (a CUDA-aware MPI is needed).
"""
import zlib

import numpy

import chainer.utils
from chainermn import _mpi
from chainermn.communicators import _message as _msg


def _nbytes(msg, i=0):
    return int(numpy.prod(msg.shapes[i], dtype=numpy.int64)) * (
        numpy.dtype(msg.dtypes[i]).itemsize)


def _single(data, what):
    if isinstance(data, (tuple, list)):
        raise TypeError('%s takes one array, not a %s'
                        % (what, type(data).__name__))
    return _msg.MessageType(data)


class ArrayApiMixin(object):

    """send/recv/bcast/gather/allgather/alltoall/scatter/allreduce."""

    def send(self, data, dest, tag):
        """Sends an array or a tuple of arrays to rank ``dest``.

        Synchronous (``Ssend``) as in v5: it returns once ``dest`` has
        started receiving.
        """
        chainer.utils.experimental(
            'chainermn.communicators.MpiCommunicatorBase.send')
        msg = _msg.MessageType(data)
        self.mpi_comm.ssend(msg, dest=dest, tag=tag)
        for a in _msg.as_arrays(data):
            self.mpi_comm.Ssend(_msg.byte_buffer(_msg.contiguous(a)),
                                dest=dest, tag=tag)

    def recv(self, source, tag):
        """Receives an array (or tuple) sent by :meth:`send`.

        GPU arrays are allocated on the current device.
        """
        chainer.utils.experimental(
            'chainermn.communicators.MpiCommunicatorBase.recv')
        MPI = _mpi.import_mpi()
        status = MPI.Status()
        msg = self.mpi_comm.recv(source=source, tag=tag, status=status)
        # The arrays follow from the same sender, even for ANY_SOURCE.
        source, tag = status.Get_source(), status.Get_tag()
        arrays = msg.allocate()
        for a in arrays:
            self.mpi_comm.Recv(_msg.byte_buffer(a), source=source, tag=tag)
        return tuple(arrays) if msg.is_tuple else arrays[0]

    def bcast(self, data, root=0, max_buf_len=None):
        """Broadcasts an array (or tuple of arrays) from ``root``.

        Other ranks may pass ``None``. The second positional argument is
        ``root``, as in v5's implementation (its abstract base listed
        ``max_buf_len`` first); ``max_buf_len`` is accepted by keyword and
        unused (MPI moves large arrays itself).
        """
        is_root = self.rank == root
        msg = self.mpi_comm.bcast(
            _msg.MessageType(data) if is_root else None, root=root)
        if is_root:
            arrays = [_msg.contiguous(a) for a in _msg.as_arrays(data)]
        else:
            arrays = msg.allocate()
        for a in arrays:
            self.mpi_comm.Bcast(_msg.byte_buffer(a), root=root)
        if is_root:
            return data
        return tuple(arrays) if msg.is_tuple else arrays[0]

    def gather(self, data, root=0):
        """Gathers one array per rank (shapes may differ) to ``root``.

        Returns a tuple of ``size`` arrays on ``root`` and ``None`` on the
        other ranks.
        """
        MPI = _mpi.import_mpi()
        msg = _single(data, 'gather')
        msgs = self.mpi_comm.gather(msg, root=root)
        sendbuf = _msg.byte_buffer(_msg.contiguous(data))
        if self.rank != root:
            self.mpi_comm.Gatherv(sendbuf, None, root=root)
            return None
        buf, displs = self._recv_bytes(msgs, msg.is_host)
        sizes = [_nbytes(m) for m in msgs]
        self.mpi_comm.Gatherv(sendbuf, [buf, (sizes, displs), MPI.BYTE],
                              root=root)
        return self._carve(buf, displs, msgs)

    def allgather(self, x):
        """Gathers one array per rank onto every rank, as a tuple."""
        MPI = _mpi.import_mpi()
        msg = _single(x, 'allgather')
        msgs = self.mpi_comm.allgather(msg)
        buf, displs = self._recv_bytes(msgs, msg.is_host)
        sizes = [_nbytes(m) for m in msgs]
        self.mpi_comm.Allgatherv(_msg.byte_buffer(_msg.contiguous(x)),
                                 [buf, (sizes, displs), MPI.BYTE])
        return self._carve(buf, displs, msgs)

    def alltoall(self, xs):
        """Sends ``xs[i]`` to rank ``i``; returns the arrays received."""
        MPI = _mpi.import_mpi()
        if len(xs) != self.size:
            raise ValueError('alltoall needs one array per rank: got %d '
                             'arrays for %d ranks' % (len(xs), self.size))
        msgs_out = [_single(x, 'alltoall') for x in xs]
        msgs = self.mpi_comm.alltoall(msgs_out)
        is_host = all(m.is_host for m in msgs_out)
        sendbuf, ssizes, sdispls = _msg.pack(
            xs, _msg.array_module(is_host))
        buf, displs = self._recv_bytes(msgs, is_host)
        sizes = [_nbytes(m) for m in msgs]
        _mpi.synchronize(sendbuf)
        self.mpi_comm.Alltoallv([sendbuf, (ssizes, sdispls), MPI.BYTE],
                                [buf, (sizes, displs), MPI.BYTE])
        return self._carve(buf, displs, msgs)

    def scatter(self, xs, root=0):
        """Sends ``xs[i]`` from ``root`` to rank ``i``.

        ``xs`` is a tuple or list of ``size`` arrays, or an array whose
        first axis has length ``size``; other ranks may pass ``None``.
        """
        MPI = _mpi.import_mpi()
        if self.rank == root:
            parts = list(xs) if not isinstance(xs, (tuple, list)) else xs
            if len(parts) != self.size:
                raise ValueError('scatter needs one array per rank: got %d '
                                 'for %d ranks' % (len(parts), self.size))
            msgs = [_single(p, 'scatter') for p in parts]
            msg = self.mpi_comm.scatter(msgs, root=root)
            sendbuf, sizes, displs = _msg.pack(
                parts, _msg.array_module(msg.is_host))
            _mpi.synchronize(sendbuf)
            send_spec = [sendbuf, (sizes, displs), MPI.BYTE]
        else:
            msg = self.mpi_comm.scatter(None, root=root)
            send_spec = None
        out = msg.allocate()[0]
        self.mpi_comm.Scatterv(send_spec, _msg.byte_buffer(out), root=root)
        return out

    def allreduce(self, data):
        """Elementwise sum over ranks (a new array of ``data``'s dtype).

        float16 is summed in float32. Ranks must pass the same shape and
        dtype; otherwise every rank raises ``ValueError``.
        """
        MPI = _mpi.import_mpi()
        msg = _single(data, 'allreduce')
        key = (msg.shapes[0], msg.dtypes[0])
        if self.size > 1:
            from chainermn.communicators import _communication_utility
            sig = zlib.crc32(repr(('allreduce', key)).encode()) or 1
            if _communication_utility.layout_mismatch(self.mpi_comm, sig):
                keys = self.mpi_comm.allgather(key)
                raise ValueError(
                    'allreduce: ranks pass different arrays (shape, dtype '
                    'per rank: %s)' % ', '.join(
                        '%d: %s %s' % (r, s, d)
                        for r, (s, d) in enumerate(keys)))
        xp = _msg.array_module(msg.is_host)
        rdtype = _mpi.reduction_dtype(data.dtype)
        x = xp.ascontiguousarray(data, dtype=rdtype)
        out = xp.empty_like(x)
        mtype = _mpi.mpi_type(rdtype)
        _mpi.synchronize(x)
        self.mpi_comm.Allreduce([x, x.size, mtype], [out, out.size, mtype],
                                op=MPI.SUM)
        return out.astype(data.dtype, copy=False)

    # -------------------------------------------------------------- helpers
    def _recv_bytes(self, msgs, is_host):
        sizes = [_nbytes(m) for m in msgs]
        displs, total = _msg.layout(sizes)
        xp = _msg.array_module(is_host)
        return xp.empty(max(total, 1), numpy.uint8), displs

    @staticmethod
    def _carve(buf, displs, msgs):
        return tuple(_msg.carve(buf, displs, [m.shapes[0] for m in msgs],
                                [m.dtypes[0] for m in msgs]))
