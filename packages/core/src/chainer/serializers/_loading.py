"""Checked, two-pass loading shared by the npz and HDF5 deserializers.

``load(obj)`` runs ``obj.serialize`` twice. The first pass only reads and
checks every requested entry (presence, readability, shape, dtype) and hands
each current value back unchanged, so a bad file raises before anything is
written. The second pass assigns the values read in the first. A Link is
therefore left untouched when loading fails. (Objects whose ``serialize``
branches on the returned values may ask for entries in the second pass that
the first did not see; those are still checked, just not ahead of time.)
"""
import numpy

from chainer.backends import cuda
from chainer.backends import intel64
from chainer import serializer


class _NoneEntry(object):

    def __repr__(self):
        return 'NONE'


#: Marker returned by ``_fetch`` for an entry that stores ``None``.
NONE = _NoneEntry()

_ARRAY_TYPES = (numpy.ndarray, cuda.ndarray, intel64.mdarray)


class _Context(object):

    """State shared by a deserializer and all its children during load."""

    def __init__(self):
        self.dry_run = False
        self.cache = None
        self.raised = []


def corrupt(source, key, error):
    """The error for an entry that cannot be read."""
    return ValueError(
        'cannot read {!r} from {}: the file is truncated or corrupt '
        '({}: {})'.format(key, source, type(error).__name__, error))


def _scalar_from(key, value, data):
    # Converts a stored 0-dim array to the Python/numpy type of ``value``.
    if data.size != 1:
        raise ValueError(
            'shape mismatch for {!r}: the target is a scalar of type {} but '
            'the file holds shape {}'.format(
                key, type(value).__name__, data.shape))
    kind = data.dtype.kind
    item = data.reshape(()).item()
    value_type = type(value)
    if isinstance(value, (bool, numpy.bool_)):
        ok = kind in 'biu'
    elif isinstance(value, (int, numpy.integer)):
        # An integral float (e.g. written by another tool) is accepted.
        ok = kind in 'biu' or (kind == 'f' and float(item).is_integer())
        item = int(item) if ok else item
    elif isinstance(value, (float, numpy.floating)):
        ok = kind in 'biuf'
    elif isinstance(value, (complex, numpy.complexfloating)):
        ok = kind in 'biufc'
    elif isinstance(value, str):
        ok = kind in 'US'
        if isinstance(item, bytes):
            item = item.decode('utf-8')
    elif isinstance(value, bytes):
        ok = kind == 'S'
    else:
        try:
            return value_type(data)
        except Exception as e:
            raise TypeError(
                'cannot load {!r} into a value of type {}: {}'.format(
                    key, value_type.__name__, e))
    if not ok:
        raise TypeError(
            'cannot load {!r}: the file holds dtype {} which cannot be '
            'converted to {} safely'.format(key, data.dtype,
                                            value_type.__name__))
    return value_type(item)


def check_and_convert(key, value, data, dry_run):
    """Checks ``data`` (from the file) against ``value`` and applies it.

    Returns what ``serializer(key, value)`` returns: the array ``value``
    filled in place, a new scalar, the loaded array (``value is None``), or
    ``None`` for a stored ``None``. With ``dry_run`` only the checks run and
    ``value`` is returned as it is.
    """
    if data is NONE:
        return value if dry_run else None
    if value is None:
        return value if dry_run else data
    if isinstance(value, _ARRAY_TYPES):
        if tuple(data.shape) != tuple(value.shape):
            raise ValueError(
                'shape mismatch for {!r}: the target has shape {} but the '
                'file holds shape {}'.format(
                    key, tuple(value.shape), tuple(data.shape)))
        if not numpy.can_cast(data.dtype, value.dtype, 'same_kind'):
            raise TypeError(
                'dtype mismatch for {!r}: the file holds {} which cannot be '
                'cast to the target dtype {}'.format(
                    key, data.dtype, value.dtype))
        if dry_run:
            return value
        if isinstance(value, numpy.ndarray):
            numpy.copyto(value, data, casting='same_kind')
        elif isinstance(value, cuda.ndarray):
            from chainer import backend
            backend.copyto(value, numpy.asarray(data, dtype=value.dtype))
        else:
            intel64.ideep.basic_copyto(
                value, numpy.asarray(data, dtype=value.dtype))
        return value
    converted = _scalar_from(key, value, data)
    return value if dry_run else converted


class StagedDeserializer(serializer.Deserializer):

    """Deserializer base: checked reads and the two-pass :meth:`load`.

    Subclasses implement ``_full_key(key)`` (the name used in messages and
    the cache), ``_contains(key)``, ``_fetch(key)`` (an ndarray or
    :data:`NONE`; unreadable data raises ``ValueError``) and ``_source``.
    """

    _source = 'the file'

    def __init__(self, strict=True, ignore_names=None):
        self.strict = strict
        if ignore_names is not None and not isinstance(
                ignore_names, (list, tuple)):
            ignore_names = [ignore_names]
        self.ignore_names = ignore_names
        self._ctx = _Context()

    def _adopt(self, child):
        child._ctx = self._ctx
        return child

    def _ignored(self, full_key):
        for name in self.ignore_names or ():
            if isinstance(name, str):
                if full_key == name:
                    return True
            elif callable(name):
                if name(full_key):
                    return True
            else:
                raise ValueError(
                    'ignore_names needs to be a callable, string or list of '
                    'them.')
        return False

    def _raise(self, error):
        self._ctx.raised.append(error)
        raise error

    def __call__(self, key, value):
        full_key = self._full_key(key)
        if self._ignored(full_key):
            return value
        ctx = self._ctx
        cache = ctx.cache
        if cache is not None and full_key in cache:
            data = cache[full_key]
        else:
            if not self._contains(key):
                if not self.strict:
                    return value
                self._raise(KeyError(
                    '{!r} is not found in {} (pass strict=False to skip '
                    'missing entries)'.format(full_key, self._source)))
            try:
                data = self._fetch(key)
            except ValueError as e:
                self._raise(e)
            if cache is not None:
                cache[full_key] = data
        try:
            return check_and_convert(full_key, value, data, ctx.dry_run)
        except (TypeError, ValueError) as e:
            self._raise(e)

    def load(self, obj):
        """Loads ``obj``: checks every entry first, then assigns them.

        Raises:
            KeyError: An entry is missing (``strict=True``).
            ValueError: The file is truncated or corrupt, an entry holds a
                pickled object, or a shape does not match.
            TypeError: A stored dtype cannot be cast to the target's.
        """
        ctx = self._ctx
        if ctx.cache is not None:  # nested load within a load
            obj.serialize(self)
            return
        ctx.cache = {}
        ctx.raised = []
        try:
            ctx.dry_run = True
            try:
                obj.serialize(self)
            except Exception as e:
                if any(e is ours for ours in ctx.raised):
                    raise
                # The object's own code tripped over a value the check pass
                # left unchanged; the real pass below decides.
            ctx.dry_run = False
            obj.serialize(self)
        finally:
            ctx.dry_run = False
            ctx.cache = None
            ctx.raised = []
