"""Lazily evaluated expressions of :mod:`chainer.utils.type_check`.

An :class:`Expr` remembers how it was built, so ``str(expr)`` gives back
source code (``in_types[0].shape[1] == in_types[1].shape[0]``) and
``expr.eval()`` computes its value. Public names are re-exported by
``type_check``.
"""
import operator

# Python operator precedence, loosest first; used to decide parentheses.
_COMPARE = -1
_OR, _XOR, _AND, _SHIFT, _ADD, _MUL, _UNARY, _POW, _ATOM = range(9)


def _wrap(value):
    return value if isinstance(value, Expr) else Constant(value)


def _value(x):
    return x.eval() if isinstance(x, Expr) else x


def _repr_arg(value):
    # Arguments and keys print like source; strings need their quotes.
    if isinstance(value, Expr):
        return str(value)
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, slice):
        parts = ['' if v is None else _repr_arg(v)
                 for v in (value.start, value.stop)]
        if value.step is not None:
            parts.append(_repr_arg(value.step))
        return ':'.join(parts)
    if value is Ellipsis:
        return '...'
    return str(value)


def _paren(expr, needed):
    return '({0})'.format(expr) if needed else str(expr)


def _binary(exp, priority, func, right_associative=False):
    def method(self, other):
        return BinaryOperator(priority, self, other, exp, func,
                              right_associative)

    def rmethod(self, other):
        return BinaryOperator(priority, other, self, exp, func,
                              right_associative)
    return method, rmethod


def _compare(exp, inv, func):
    def method(self, other):
        return Bool(exp, inv, self, other, func)
    return method


def _unary(exp, func):
    def method(self):
        return UnaryOperator(_UNARY, self, exp, func)
    return method


class Expr(object):

    """Base class of type-check expressions.

    Operators, attribute access, indexing and calls on an ``Expr`` build new
    expressions instead of computing values. Use :meth:`eval` (or
    ``type_check.eval``) to compute the value.

    Args:
        priority (int): Operator precedence, used to add parentheses.
    """

    # Makes numpy defer to our reflected operators (``numpy.int64(2) * e``).
    __array_ufunc__ = None
    __hash__ = None

    def __init__(self, priority):
        self.priority = priority

    def eval(self):
        """Evaluates the expression and returns its value."""
        raise NotImplementedError()

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            # Keep copy/pickle/numpy protocol lookups working.
            raise AttributeError(name)
        return Member(self, name)

    def __getitem__(self, key):
        return GetItem(self, key)

    def __call__(self, *args):
        return Call(self, args)

    def __iter__(self):
        # Without this, __getitem__ would make every Expr iterable forever.
        raise TypeError(
            'a type_check expression cannot be iterated; use '
            'type_check.eval() to get its value first')

    def __bool__(self):
        # ``a == b and c == d`` would silently test only ``c == d``.
        raise RuntimeError(
            'An Expr instance cannot be evaluated as bool. Please use '
            'chainer.utils.type_check.eval() to evaluate an expression.')

    __nonzero__ = __bool__

    __add__, __radd__ = _binary('+', _ADD, operator.add)
    __sub__, __rsub__ = _binary('-', _ADD, operator.sub)
    __mul__, __rmul__ = _binary('*', _MUL, operator.mul)
    __truediv__, __rtruediv__ = _binary('/', _MUL, operator.truediv)
    __floordiv__, __rfloordiv__ = _binary('//', _MUL, operator.floordiv)
    __mod__, __rmod__ = _binary('%', _MUL, operator.mod)
    __pow__, __rpow__ = _binary('**', _POW, operator.pow, True)
    __lshift__, __rlshift__ = _binary('<<', _SHIFT, operator.lshift)
    __rshift__, __rrshift__ = _binary('>>', _SHIFT, operator.rshift)
    __and__, __rand__ = _binary('&', _AND, operator.and_)
    __xor__, __rxor__ = _binary('^', _XOR, operator.xor)
    __or__, __ror__ = _binary('|', _OR, operator.or_)

    __eq__ = _compare('==', '!=', operator.eq)
    __ne__ = _compare('!=', '==', operator.ne)
    __lt__ = _compare('<', '>=', operator.lt)
    __le__ = _compare('<=', '>', operator.le)
    __gt__ = _compare('>', '<=', operator.gt)
    __ge__ = _compare('>=', '<', operator.ge)

    __neg__ = _unary('-', operator.neg)
    __pos__ = _unary('+', operator.pos)
    __invert__ = _unary('~', operator.invert)


class Atom(Expr):

    """Expression that needs no parentheses."""

    def __init__(self):
        super(Atom, self).__init__(_ATOM)


class Constant(Atom):

    """A constant value; prints as ``str(value)``."""

    def __init__(self, value):
        super(Constant, self).__init__()
        self.value = value
        if isinstance(value, (int, float)) and value < 0:
            self.priority = _UNARY  # prints with a leading minus

    def __str__(self):
        return str(self.value)

    def eval(self):
        return self.value


class Variable(Atom):

    """A named value, e.g. ``Variable(self.in_size, 'in_size')``.

    The name is what messages print; ``eval()`` returns the value.
    """

    def __init__(self, value, name):
        super(Variable, self).__init__()
        self.value = value
        self.name = name

    def __str__(self):
        return self.name

    def eval(self):
        return self.value


class Member(Atom):

    """Attribute access ``obj.name``."""

    def __init__(self, obj, name):
        super(Member, self).__init__()
        self.obj = obj
        self.name = name

    def __str__(self):
        return '{0}.{1}'.format(
            _paren(self.obj, self.obj.priority < _ATOM), self.name)

    def eval(self):
        return getattr(self.obj.eval(), self.name)


class GetItem(Atom):

    """Indexing ``obj[key]``."""

    def __init__(self, obj, key):
        super(GetItem, self).__init__()
        self.obj = obj
        self.key = key

    def __str__(self):
        if isinstance(self.key, tuple) and self.key:
            key = ', '.join(_repr_arg(k) for k in self.key)
        else:
            key = _repr_arg(self.key)
        return '{0}[{1}]'.format(
            _paren(self.obj, self.obj.priority < _ATOM), key)

    def eval(self):
        key = self.key
        if isinstance(key, tuple):
            key = tuple(_value(k) for k in key)
        else:
            key = _value(key)
        return self.obj.eval()[key]


class Call(Atom):

    """Call ``obj(*args)``."""

    def __init__(self, obj, args):
        super(Call, self).__init__()
        self.obj = obj
        self.args = tuple(args)

    def __str__(self):
        return '{0}({1})'.format(
            _paren(self.obj, self.obj.priority < _ATOM),
            ', '.join(_repr_arg(a) for a in self.args))

    def eval(self):
        return self.obj.eval()(*[_value(a) for a in self.args])


class UnaryOperator(Expr):

    """Prefix operator such as ``-x``."""

    def __init__(self, priority, term, exp, func):
        super(UnaryOperator, self).__init__(priority)
        self.term = _wrap(term)
        self.exp = exp
        self.func = func

    def __str__(self):
        return self.exp + _paren(self.term, self.term.priority < self.priority)

    def eval(self):
        return self.func(self.term.eval())


class BinaryOperator(Expr):

    """Infix operator such as ``a + b``.

    Args:
        priority (int): Precedence of the operator.
        lhs, rhs: Operands (values that are not expressions are constants).
        exp (str): The operator as written (``'+'``).
        func (callable): Computes the result from the operand values.
        right_associative (bool): ``True`` for ``**``.
    """

    def __init__(self, priority, lhs, rhs, exp, func,
                 right_associative=False):
        super(BinaryOperator, self).__init__(priority)
        self.lhs = _wrap(lhs)
        self.rhs = _wrap(rhs)
        self.exp = exp
        self.func = func
        self.right_associative = right_associative

    def __str__(self):
        p = self.priority
        if p == _COMPARE:
            # Comparisons chain in Python, so nested ones need parentheses.
            left, right = self.lhs.priority <= p, self.rhs.priority <= p
        elif self.right_associative:
            left, right = self.lhs.priority <= p, self.rhs.priority < p
        else:
            left, right = self.lhs.priority < p, self.rhs.priority <= p
        return '{0} {1} {2}'.format(
            _paren(self.lhs, left), self.exp, _paren(self.rhs, right))

    def eval(self):
        return self.func(self.lhs.eval(), self.rhs.eval())


class Testable(object):

    """Interface of conditions that :func:`type_check.expect` can test."""

    def expect(self):
        """Raises ``InvalidType`` if the condition does not hold."""
        raise NotImplementedError()


class Bool(BinaryOperator, Testable):

    """Comparison such as ``a == b``; ``inv`` is the negated operator."""

    def __init__(self, exp, inv, lhs, rhs, func):
        super(Bool, self).__init__(_COMPARE, lhs, rhs, exp, func)
        self.inv = inv

    def expect(self):
        left = self.lhs.eval()
        right = self.rhs.eval()
        if not self.func(left, right):
            from chainer.utils import type_check
            raise type_check.InvalidType(
                str(self), '{0} {1} {2}'.format(left, self.inv, right))
