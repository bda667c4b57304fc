"""Packing of a model's gradients or parameters into one flat buffer.

Entries are taken in sorted parameter-name order, which is what makes the
layout agree across ranks. Each dtype group gets its own aligned region of
a single grow-only byte buffer, so a whole model moves in one collective
per dtype (normally exactly one).
"""
import zlib

import numpy

from chainer import backend

_ALIGN = 256  # bytes; keeps every typed region aligned on host and device


class GrowOnlyBuffer(object):

    """A byte buffer reused across calls, reallocated only to grow."""

    def __init__(self):
        self._buf = None

    def get(self, xp, nbytes, device=None):
        buf = self._buf
        if (buf is None or buf.nbytes < nbytes
                or backend.get_array_module(buf) is not xp
                or (device is not None and buf.device != device)):
            buf = None
            self._buf = None  # free the old one before allocating
            buf = self._buf = xp.empty(max(nbytes, 1), dtype=numpy.uint8)
        return buf


class PackPlan(object):

    """Where each entry lives in the packed buffer.

    Attributes:
        groups: List of ``(dtype, byte_offset, n_elems, items)``, where
            ``items`` are ``(entry_index, elem_offset, size, shape)``.
        nbytes: Bytes the whole buffer needs.
        signature: A 63-bit checksum of the layout, equal on ranks that
            agree on names, shapes and dtypes.
    """

    def __init__(self, key, group_dtype, tag=''):
        self.key = key
        by_dtype = {}
        for i, (name, shape, dtype) in enumerate(key):
            gd = numpy.dtype(group_dtype(numpy.dtype(dtype)))
            by_dtype.setdefault(gd, []).append((i, shape))
        self.groups = []
        offset = 0
        for gd in sorted(by_dtype, key=lambda d: d.str):
            items = []
            n = 0
            for i, shape in by_dtype[gd]:
                size = int(numpy.prod(shape, dtype=numpy.int64))
                items.append((i, n, size, shape))
                n += size
            self.groups.append((gd, offset, n, items))
            offset += (n * gd.itemsize + _ALIGN - 1) // _ALIGN * _ALIGN
        self.nbytes = offset
        # The tag keeps different operations (bcast_data vs allreduce_grad)
        # from looking alike when ranks are out of step.
        self.signature = zlib.crc32(repr((tag, key)).encode()) or 1
        self._segments = {}

    def segments(self, segment_bytes):
        """Each group cut into pieces of about ``segment_bytes``.

        Returns, per group, a list of ``(lo, hi, pieces)``: the elements
        ``[lo, hi)`` of the group's view, filled from ``pieces``, which
        are ``(entry_index, begin, end, view_offset)`` ranges of the
        flattened entries.
        """
        cached = self._segments.get(segment_bytes)
        if cached is None:
            cached = self._segments[segment_bytes] = [
                _cut(items, n, max(1, segment_bytes // gd.itemsize))
                for gd, _, n, items in self.groups]
        return cached


def _cut(items, n, step):
    segs = []
    k = 0
    for lo in range(0, n, step):
        hi = min(lo + step, n)
        pieces = []
        while k < len(items) and items[k][1] + items[k][2] <= lo:
            k += 1
        j = k
        while j < len(items) and items[j][1] < hi:
            i, o, size, _ = items[j]
            a = max(lo, o)
            b = min(hi, o + size)
            if b > a:
                pieces.append((i, a - o, b - o, a))
            j += 1
        segs.append((lo, hi, pieces))
    return segs


class PlanCache(object):

    """Remembers the plan of the last layout seen (layouts rarely change)."""

    def __init__(self, group_dtype, tag=''):
        self._group_dtype = group_dtype
        self._tag = tag
        self._key = None
        self._plan = None

    def get(self, key):
        if key != self._key:
            self._plan = PackPlan(key, self._group_dtype, self._tag)
            self._key = key
        return self._plan


def layout_key(entries, attr):
    """``(name, shape, dtype)`` of every entry's ``data`` or ``grad``."""
    return tuple([(name, getattr(p, attr).shape, getattr(p, attr).dtype.str)
                  for name, p in entries])


def grad_entries(model, zero_fill):
    """Sorted ``(name, param)`` of the gradients to reduce.

    Uninitialized parameters are skipped. Parameters without a gradient are
    skipped too, unless ``zero_fill``, which gives them a zero gradient.
    """
    entries = []
    for name, param in sorted(model.namedparams(include_uninit=False),
                              key=_first):
        if param.grad is None:
            if not zero_fill:
                continue
            data = param.array
            xp = backend.get_array_module(data)
            with _device_of(data):
                param.grad = xp.zeros_like(data)
        entries.append((name, param))
    return entries


def data_entries(model):
    """Sorted ``(name, param)`` of the initialized parameters."""
    return sorted(model.namedparams(include_uninit=False), key=_first)


def _first(pair):
    return pair[0]


def _device_of(array):
    from chainer.backends import cuda
    return cuda.get_device_from_array(array)


def array_module_of(arrays):
    """numpy or cupy, checking that all arrays live on one side."""
    xp = None
    for a in arrays:
        m = backend.get_array_module(a)
        if xp is None:
            xp = m
        elif m is not xp:
            raise ValueError('a model mixes CPU and GPU arrays; move it to '
                             'one device before communicating')
    return xp or numpy


def group_views(plan, buf):
    """Typed 1-D views of each dtype group's region of ``buf``."""
    return [buf[off:off + n * gd.itemsize].view(gd)
            for gd, off, n, _ in plan.groups]


def pack(plan, arrays, views):
    """Copies ``arrays[i]`` into its place (casting to the group dtype)."""
    for (gd, _, _, items), view in zip(plan.groups, views):
        xp = backend.get_array_module(view)
        for i, o, size, shape in items:
            xp.copyto(view[o:o + size].reshape(shape), arrays[i])


def unpack_grads(plan, entries, views, scale, divisor=None):
    """Stores ``scale * packed`` (or ``packed / divisor``) back as each
    entry's gradient."""
    for (gd, _, _, items), view in zip(plan.groups, views):
        xp = backend.get_array_module(view)
        for i, o, size, shape in items:
            param = entries[i][1]
            src = view[o:o + size].reshape(shape)
            g = param.grad
            if _writable(g):
                if divisor is not None:
                    xp.divide(src, divisor, out=g)
                elif scale == 1:
                    xp.copyto(g, src)
                else:
                    xp.multiply(src, scale, out=g)
            else:
                # e.g. a read-only broadcast view produced by backward
                if divisor is not None:
                    g = src / divisor
                else:
                    g = src * scale if scale != 1 else src.copy()
                param.grad = g.astype(param.array.dtype, copy=False)


def unpack_data(plan, entries, views):
    """Copies the packed values back into each entry's ``data``."""
    for (gd, _, _, items), view in zip(plan.groups, views):
        xp = backend.get_array_module(view)
        for i, o, size, shape in items:
            xp.copyto(entries[i][1].array, view[o:o + size].reshape(shape))


def _writable(a):
    if isinstance(a, numpy.ndarray):
        return a.flags.writeable and (a.size <= 1 or 0 not in a.strides)
    # cupy has no read-only flag; a zero stride means a broadcast view
    return a.size <= 1 or 0 not in a.strides
