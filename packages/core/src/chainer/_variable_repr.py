"""``repr``/``str`` of Variables, numpy's layout with a ``variable`` prefix."""
import numpy

from chainer.backends import cuda


def variable_repr(var):
    """``repr`` of a Variable, like numpy's with a ``variable`` prefix."""
    arr = var._data
    if arr is None:
        return 'variable(None)' if var.name is None else \
            'variable %s(None)' % var.name
    arr = cuda.to_cpu(arr) if not isinstance(arr, numpy.ndarray) else arr
    if var.name:
        prefix = 'variable ' + var.name
    else:
        prefix = 'variable'
    if arr.size > 0 or arr.shape == (0,):
        lst = numpy.array2string(arr, None, None, None, ', ', prefix + '(')
    else:
        lst = '[], shape=%s' % (repr(arr.shape),)
    return '%s(%s)' % (prefix, lst)


def variable_str(var):
    """``str`` of a Variable, like numpy's with a ``variable`` prefix."""
    arr = var._data
    if arr is None:
        return 'variable(None)' if var.name is None else \
            'variable %s(None)' % var.name
    arr = cuda.to_cpu(arr) if not isinstance(arr, numpy.ndarray) else arr
    prefix = 'variable ' + var.name if var.name else 'variable'
    if arr.size > 0 or arr.shape == (0,):
        lst = numpy.array2string(arr, None, None, None, ' ', prefix + '(')
    else:
        lst = '[]'
    return '%s(%s)' % (prefix, lst)
