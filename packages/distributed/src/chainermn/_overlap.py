"""Gradient allreduce overlapped with backward (an extension beyond v5).

While ``loss.backward()`` runs, ``chainer._backprop.grad_ready_hook``
reports each parameter whose gradient is final. Parameters are grouped
into buckets of about ``bucket_bytes``; a bucket is packed and handed to a
non-blocking ``Iallreduce`` as soon as all its gradients are ready and all
earlier buckets have been started, so every rank starts the same
collectives in the same order. Bucket order follows the order in which
rank 0 saw gradients become ready in the first backward pass (broadcast to
all ranks), which is normally the order of later passes too.
"""
import zlib

import numpy

from chainermn import _mpi
from chainermn.communicators import _communication_utility as _util
from chainermn.communicators import _layout_error
from chainermn.communicators import _memory_utility as _mem

_HINT = ('Make every rank compute the same gradients, or pass '
         'zero_fill=True to treat a missing gradient as zero.')


class BucketPlan(object):

    """Buckets of parameters (in readiness order), each one dtype.

    Attributes:
        key: ``(name, shape, dtype)`` of the parameters, sorted by name.
        buckets: List of ``(dtype, byte_offset, n_elems, items)``, items
            being ``(entry_index, elem_offset, size, shape)``.
    """

    def __init__(self, key, order, group_dtype, bucket_bytes):
        self.key = key
        index = {name: i for i, (name, _, _) in enumerate(key)}
        seq = [index[n] for n in order if n in index]
        listed = set(seq)
        seq += [i for i in range(len(key)) if i not in listed]
        self.buckets = []
        self.bucket_of = [0] * len(key)
        offset = 0
        current = None
        for i in seq:
            _, shape, dtype = key[i]
            gd = numpy.dtype(group_dtype(numpy.dtype(dtype)))
            size = int(numpy.prod(shape, dtype=numpy.int64))
            if current is None or current[0] != gd or (
                    current[2] and (current[2] + size) * gd.itemsize
                    > bucket_bytes):
                if current is not None:
                    offset = self._close(current, offset)
                current = [gd, offset, 0, []]
            current[3].append((i, current[2], size, shape))
            self.bucket_of[i] = len(self.buckets)
            current[2] += size
        if current is not None:
            offset = self._close(current, offset)
        self.nbytes = offset

    def _close(self, bucket, offset):
        self.buckets.append(tuple(bucket))
        return offset + (bucket[2] * bucket[0].itemsize + 255) // 256 * 256


class OverlapReducer(object):

    """Runs one overlapped gradient allreduce per backward pass."""

    def __init__(self, communicator, bucket_bytes, zero_fill):
        self.comm = communicator
        self.bucket_bytes = int(bucket_bytes)
        self.zero_fill = zero_fill
        self.plan = None
        self._buffer = _mem.GrowOnlyBuffer()
        self._recorded = None

    # -------------------------------------------------------- planning
    def record(self, var):
        """Hook of a plain backward pass: remembers the readiness order."""
        name = self._names.get(id(var))
        if name is not None and name not in self._seen:
            self._seen.add(name)
            self._recorded.append(name)

    def start_recording(self, entries):
        self._names = {id(p): name for name, p in entries}
        self._seen = set()
        self._recorded = []

    def make_plan(self, key):
        """Builds the bucket plan from rank 0's order (collective)."""
        order = self.comm.bcast_obj(self._recorded, root=0)
        self.plan = BucketPlan(key, order, self.comm._grad_group_dtype,
                               self.bucket_bytes)
        self._recorded = None

    def usable(self, key):
        """True on every rank iff all ranks may use the current plan."""
        ok = self.plan is not None and self.plan.key == key
        MPI = _mpi.import_mpi()
        flag = numpy.array([1 if ok else 0], dtype=numpy.int32)
        self.comm.mpi_comm.Allreduce(MPI.IN_PLACE, [flag, MPI.INT32_T],
                                     op=MPI.MIN)
        return bool(flag[0])

    # ------------------------------------------------ overlapped pass
    def begin(self, entries):
        plan = self.plan
        self._entries = entries
        self._index = {id(p): i for i, (_, p) in enumerate(entries)}
        self._left = [len(b[3]) for b in plan.buckets]
        self._next = 0
        self._requests = []
        self._buf = self._buffer.get(numpy, plan.nbytes)
        self._views = [self._buf[off:off + n * gd.itemsize].view(gd)
                       for gd, off, n, _ in plan.buckets]
        self._missing = []

    def on_ready(self, var):
        """Hook called by backward with each leaf whose grad is final."""
        i = self._index.get(id(var))
        if i is None or self._entries[i][1] is not var:
            return
        b = self.plan.bucket_of[i]
        self._left[b] -= 1
        while self._next < len(self._left) and self._left[self._next] == 0:
            self._issue(self._next)
            self._next += 1
        if self._requests:
            # MPI progresses non-blocking collectives only inside calls.
            _mpi.import_mpi().Request.Testall(self._requests)

    def _issue(self, b):
        MPI = _mpi.import_mpi()
        gd, _, n, items = self.plan.buckets[b]
        view = self._views[b]
        for i, o, size, shape in items:
            g = self._entries[i][1].grad
            dst = view[o:o + size].reshape(shape)
            if g is None:
                dst[...] = 0
                self._missing.append(i)
            else:
                numpy.copyto(dst, g)
        self._requests.append(self.comm.mpi_comm.Iallreduce(
            MPI.IN_PLACE, [view, n, _mpi.mpi_type(gd)], op=MPI.SUM))

    def finish(self):
        """Starts what is left, waits, checks and stores the means."""
        MPI = _mpi.import_mpi()
        while self._next < len(self._left):
            self._issue(self._next)
            self._next += 1
        MPI.Request.Waitall(self._requests)
        self._requests = []
        missing = sorted(self._missing)
        if not self.zero_fill:
            # Ranks must agree on which gradients were missing.
            sig = zlib.crc32(repr(('overlap', missing)).encode()) or 1
            if _util.layout_mismatch(self.comm.mpi_comm, sig):
                keys = self.comm.mpi_comm.allgather(
                    self._present_key(set(missing)))
                raise RuntimeError(_layout_error.describe(
                    'allreduce_grad (overlapped)', keys, _HINT))
        skip = set(missing) if not self.zero_fill else set()
        # Divided, not multiplied by 1 / size: v5's naive communicator's
        # rounding.
        n = self.comm.size
        for (gd, _, _, items), view in zip(self.plan.buckets, self._views):
            for i, o, size, shape in items:
                if i in skip:
                    continue
                param = self._entries[i][1]
                src = view[o:o + size].reshape(shape)
                g = param.grad
                if g is not None and g.flags.writeable and (
                        g.size <= 1 or 0 not in g.strides):
                    numpy.divide(src, n, out=g)
                else:
                    param.grad = (src / n).astype(param.array.dtype,
                                                  copy=False)
        self._entries = None

    def _present_key(self, missing):
        return tuple(k for i, k in enumerate(self.plan.key)
                     if i not in missing)
