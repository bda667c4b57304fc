"""The ``None`` entries of v5 npz files, written and read without unpickling.

Chainer v5 saves ``None`` (an uninitialized parameter, an unset optimizer
state, ``ExponentialShift._last_value``, ...) as ``numpy.asarray(None)``: a
0-dim object array, which numpy stores as a *pickle* of that array. v5
recognizes it on load by ``value[()] is None``.

To stay file-compatible without ever running a pickle:

* **Writing**: the entry is the same 0-dim object ``.npy`` numpy would write,
  with a fixed pickle (protocol 2, ``numpy.core.multiarray._reconstruct``)
  assembled below by hand, so v5 (numpy 1.x, Python 2 or 3) and numpy 2
  both read it back as ``None``.
* **Reading**: the pickle is only *parsed* (``pickletools.genops`` decodes
  opcodes, it runs nothing) and accepted as ``None`` when it is exactly an
  object array whose items are all ``None``. Any other pickled object is
  refused with an error.
"""
import io
import pickletools

import numpy

# The bytes numpy's ndarray.__reduce__ produces for numpy.asarray(None),
# hand-written as opcodes so no pickler (and no numpy-version-specific
# module name such as numpy._core) is involved.
_NONE_PICKLE = b''.join([
    b'\x80\x02',                                  # PROTO 2
    b'cnumpy.core.multiarray\n_reconstruct\n',    # GLOBAL
    b'cnumpy\nndarray\n',                         # GLOBAL
    b'K\x00\x85U\x01b\x87R',                      # (ndarray, (0,), 'b')
    b'(K\x01)',                                   # MARK 1 () -- version, shape
    b'cnumpy\ndtype\nU\x02O8\x89\x88\x87R',       # dtype('O8', False, True)
    b'(K\x03U\x01|NNNJ\xff\xff\xff\xffJ\xff\xff\xff\xffK?tb',  # dtype state
    b'\x89]Na',                                   # not fortran, [None]
    b'tb.',                                       # BUILD the array, STOP
])

_ALLOWED_GLOBALS = {
    'numpy.core.multiarray _reconstruct',
    'numpy._core.multiarray _reconstruct',
    'numpy ndarray',
    'numpy dtype',
    '_codecs encode',
}
# Strings a numpy object-array pickle contains (module and attribute names
# of STACK_GLOBAL, the dtype code, byte order, bytes encoded via _codecs).
_ALLOWED_STRINGS = {
    'numpy.core.multiarray', 'numpy._core.multiarray', '_reconstruct',
    'numpy', 'ndarray', 'dtype', '_codecs', 'encode', 'latin1',
    'b', 'O8', 'O4', '|',
}
_STRING_OPS = {
    'SHORT_BINSTRING', 'BINSTRING', 'STRING', 'SHORT_BINUNICODE',
    'BINUNICODE', 'BINUNICODE8', 'UNICODE',
}
_MEMO_OPS = {'MEMOIZE', 'BINPUT', 'LONG_BINPUT', 'PUT'}


def none_npy_bytes():
    """Returns the ``.npy`` bytes of v5's ``None`` entry."""
    buf = io.BytesIO()
    header = {'descr': '|O', 'fortran_order': False, 'shape': ()}
    numpy.lib.format.write_array_header_1_0(buf, header)
    buf.write(_NONE_PICKLE)
    return buf.getvalue()


def _list_of_nones(ops):
    # The items of an object array are pickled as the only list in the
    # stream; count its elements, accepting nothing but NONE.
    names = [op.name for op, _, _ in ops]
    starts = [i for i, name in enumerate(names) if name == 'EMPTY_LIST']
    if len(starts) != 1 or 'LIST' in names:
        return None
    count = 0
    for name in names[starts[0] + 1:]:
        if name == 'NONE':
            count += 1
        elif name in _MEMO_OPS or name == 'MARK':
            continue
        elif name in ('APPEND', 'APPENDS'):
            continue
        elif name in ('TUPLE', 'BUILD', 'STOP'):
            break
        else:
            return None
    return count


def is_none_payload(payload, shape):
    """Tells whether a pickled object array holds only ``None`` items.

    Args:
        payload (bytes): The data after the ``.npy`` header.
        shape (tuple): The shape from the header.
    """
    try:
        ops = list(pickletools.genops(payload))
    except Exception:
        return False
    for op, arg, _ in ops:
        if op.name == 'GLOBAL' and arg not in _ALLOWED_GLOBALS:
            return False
        if op.name in _STRING_OPS and arg not in _ALLOWED_STRINGS:
            return False
    count = _list_of_nones(ops)
    return count is not None and count == int(numpy.prod(shape))


def read_object_member(fp):
    """Reads a ``.npy`` stream that numpy refused to load without pickle.

    Returns:
        ``(dtype, is_none)``: the stored dtype, and whether the member is
        v5's ``None`` entry (an object array of ``None`` only).
    """
    version = numpy.lib.format.read_magic(fp)
    if version == (1, 0):
        shape, _, dtype = numpy.lib.format.read_array_header_1_0(fp)
    else:
        shape, _, dtype = numpy.lib.format.read_array_header_2_0(fp)
    if not dtype.hasobject:
        return dtype, False
    return dtype, is_none_payload(fp.read(), shape)
