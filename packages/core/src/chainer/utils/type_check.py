"""Type checking of function inputs with readable error messages.

A function's ``check_type_forward(in_types)`` states conditions on its
inputs, e.g. ``type_check.expect(x_type.ndim == 2)``. The module has two
modes, chosen per thread:

* **Full mode** (default). :func:`get_types` returns a
  :class:`TypeInfoTuple` of :class:`Variable` expressions. Attribute access,
  indexing, calls and operators on them build an :class:`Expr` tree that is
  evaluated lazily, so a failing :func:`expect` can print the source of the
  condition and the values seen::

      Expect: in_types[0].ndim == 2
      Actual: 3 != 2

* **Light mode** (``with type_check.light_mode:``). :func:`get_types`
  returns a :class:`LightTypeInfoTuple` holding the arrays themselves, so
  ``x_type.ndim == 2`` is a plain bool and :func:`expect` only checks truth,
  raising a bare :class:`InvalidType` on failure. This is the fast path.

``FunctionNode.apply`` first runs the check in light mode; only when it fails
does it run it again in full mode, inside
:func:`get_function_check_context`, to raise the descriptive error.
"""
import contextlib
import threading

import numpy

from chainer.utils._type_check_expr import Atom  # NOQA
from chainer.utils._type_check_expr import BinaryOperator  # NOQA
from chainer.utils._type_check_expr import Bool  # NOQA
from chainer.utils._type_check_expr import Call  # NOQA
from chainer.utils._type_check_expr import Constant  # NOQA
from chainer.utils._type_check_expr import Expr  # NOQA
from chainer.utils._type_check_expr import GetItem  # NOQA
from chainer.utils._type_check_expr import Member  # NOQA
from chainer.utils._type_check_expr import Testable  # NOQA
from chainer.utils._type_check_expr import UnaryOperator  # NOQA
from chainer.utils._type_check_expr import Variable  # NOQA

# Report the expression classes under their public module.
for _cls in (Atom, BinaryOperator, Bool, Call, Constant, Expr, GetItem, Member,
             Testable, UnaryOperator, Variable):
    _cls.__module__ = __name__
del _cls


class _ThreadLocal(threading.local):

    def __init__(self):
        self.light_mode = False
        self.current_function = None


_thread_local = _ThreadLocal()


class InvalidType(Exception):

    """Raised when the types of the inputs of a function are invalid.

    Args:
        expect (str): The expected condition.
        actual (str): What was actually seen.
        msg (str): The whole message; built from ``expect`` and ``actual``
            when omitted.
    """

    def __init__(self, expect, actual, msg=None):
        if msg is None:
            msg = 'Expect: {0}\nActual: {1}'.format(expect, actual)
            function = _thread_local.current_function
            if function is not None:
                label = getattr(function, 'label', type(function).__name__)
                msg = ('\nInvalid operation is performed in: {0} (Forward)'
                       '\n\n{1}'.format(label, msg))
        super(InvalidType, self).__init__(msg)
        self.expect = expect
        self.actual = actual

    def __reduce__(self):
        msg, = self.args
        return InvalidType, (self.expect, self.actual, msg)


class TypeInfo(object):

    """Type of one input array: ``shape``, ``dtype``, ``ndim`` and ``size``.

    Args:
        shape (tuple of ints): The shape of the array.
        dtype (numpy.dtype): The dtype of the array (``None`` for a missing
            gradient).
    """

    def __init__(self, shape, dtype):
        self.shape = tuple(shape)
        self.dtype = dtype
        self.ndim = len(self.shape)
        size = 1
        for s in self.shape:
            size *= s
        self.size = size

    def __repr__(self):
        return 'TypeInfo(shape={}, dtype={})'.format(self.shape, self.dtype)


class TypeInfoTuple(tuple):

    """Tuple of input types (as :class:`Variable` expressions) in full mode.

    Its ``name`` attribute is the name used in messages (``in_types``).
    """

    name = 'in_types'

    def size(self):
        """Returns the number of inputs as an expression ``<name>.size``."""
        return Variable(len(self), '{0}.size'.format(self.name))


class LightTypeInfoTuple(tuple):

    """Tuple of input types in light mode (the arrays themselves)."""

    name = 'in_types'

    def size(self):
        """Returns the number of inputs as an ``int``."""
        return len(self)


def in_light_mode():
    """Returns ``True`` when the current thread is in light mode."""
    return _thread_local.light_mode


class _LightMode(object):

    # Usable both as ``with light_mode:`` and ``with light_mode():``; it
    # keeps a per-thread stack of previous values so that it nests.

    def __call__(self):
        return self

    def __enter__(self):
        stack = _thread_local.__dict__.setdefault('light_mode_stack', [])
        stack.append(_thread_local.light_mode)
        _thread_local.light_mode = True
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        _thread_local.light_mode = _thread_local.light_mode_stack.pop()


light_mode = _LightMode()


def _check_array(name, index, array):
    if not (hasattr(array, 'shape') and hasattr(array, 'dtype')):
        raise TypeError('{0}[{1}] must be an array, not {2}'.format(
            name, index, type(array).__name__))


def get_types(data, name, accept_none, shapes=None):
    """Builds the type information of a tuple of arrays.

    Args:
        data (tuple): Arrays (``None`` allowed if ``accept_none``).
        name (str): Name of the tuple used in messages (``'in_types'``).
        accept_none (bool): Accept ``None`` entries (missing gradients);
            their type has shape ``()`` and dtype ``None``.
        shapes (tuple of tuples): Shapes to report instead of the arrays'
            own shapes.

    Returns:
        :class:`TypeInfoTuple` in full mode, :class:`LightTypeInfoTuple` in
        light mode.
    """
    if not isinstance(data, tuple):
        data = tuple(data)
    light = _thread_local.light_mode
    types = []
    for i, x in enumerate(data):
        if x is None and accept_none:
            info = TypeInfo((), None)
        else:
            _check_array(name, i, x)
            if light and shapes is None:
                # The array itself has .shape/.dtype/.ndim/.size.
                types.append(x)
                continue
            shape = x.shape if shapes is None else shapes[i]
            info = TypeInfo(shape, x.dtype)
        if light:
            types.append(info)
        else:
            types.append(Variable(info, '{0}[{1}]'.format(name, i)))
    result = (LightTypeInfoTuple if light else TypeInfoTuple)(types)
    result.name = name
    return result


def expect(*bool_exprs):
    """Checks conditions; raises :class:`InvalidType` on the first false one.

    Args:
        bool_exprs: Comparison expressions (e.g. ``x_type.ndim == 2``);
            plain bools are accepted too.
    """
    if _thread_local.light_mode:
        for expr in bool_exprs:
            if isinstance(expr, Expr):
                expr = expr.eval()
            if not expr:
                raise InvalidType('', '')
        return
    for expr in bool_exprs:
        if isinstance(expr, Testable):
            expr.expect()
        elif isinstance(expr, Expr):
            value = expr.eval()
            if not value:
                raise InvalidType(expr, value)
        elif not expr:
            raise InvalidType(True, expr)


def eval(exp):
    """Evaluates an expression (values that are not expressions pass)."""
    if isinstance(exp, Expr):
        return exp.eval()
    return exp


def make_variable(value, name):
    """Wraps ``value`` as a named :class:`Variable` (as is in light mode)."""
    if _thread_local.light_mode:
        return value
    return Variable(value, name)


def _prod_impl(xs):
    result = 1
    for x in xs:
        result *= x
    return result


_prod = Variable(_prod_impl, 'prod')


def prod(xs):
    """Product of a sequence; ``prod(<shape>)`` in messages."""
    if _thread_local.light_mode:
        return _prod_impl(xs)
    return _prod(xs)


def same_types(*arrays):
    """Returns ``True`` if the arrays are all numpy or all cupy arrays."""
    if all(isinstance(x, numpy.ndarray) for x in arrays):
        return True
    from chainer.backends import cuda
    if not getattr(cuda, 'available', False):
        return False
    return all(isinstance(x, cuda.ndarray) for x in arrays)


def _broadcastable(shapes):
    ndim = max(len(s) for s in shapes)
    for axis in range(1, ndim + 1):
        size = 1
        for s in shapes:
            if axis <= len(s):
                d = s[-axis]
                if d != 1:
                    if size != 1 and d != size:
                        return False
                    size = d
    return True


def expect_broadcast_shapes(*shape_types):
    """Checks that shapes (expressions or tuples) broadcast together.

    Raises:
        InvalidType: listing every shape when they do not broadcast.
    """
    shapes = [eval(s) for s in shape_types]
    first = shapes[0]
    for s in shapes:
        if s != first:
            break
    else:
        return  # equal shapes: the common case, no work
    if not _broadcastable(shapes):
        lines = ['cannot broadcast inputs of the following shapes:']
        for shape_type, shape in zip(shape_types, shapes):
            lines.append('{0} = {1}'.format(shape_type, shape))
        raise InvalidType('', '', msg='\n'.join(lines))


def _argname(in_types, names):
    """Renames input types for messages (``x.ndim`` for ``in_types[0]``).

    Also checks that there are as many inputs as names.
    """
    if len(in_types) != len(names):
        raise InvalidType(
            '{} argument(s)'.format(len(names)),
            '{} argument(s)'.format(len(in_types)),
            'Invalid number of arguments')
    if _thread_local.light_mode:
        return  # names only matter for messages
    for in_type, name in zip(in_types, names):
        if isinstance(in_type, Variable):
            in_type.name = name


def argname(in_types, names):
    """Public alias of :func:`_argname`."""
    _argname(in_types, names)


@contextlib.contextmanager
def get_function_check_context(function):
    """Context in which a new :class:`InvalidType` names ``function``.

    Its message starts with
    ``Invalid operation is performed in: <function.label> (Forward)``.
    """
    previous = _thread_local.current_function
    _thread_local.current_function = function
    try:
        yield
    finally:
        _thread_local.current_function = previous
