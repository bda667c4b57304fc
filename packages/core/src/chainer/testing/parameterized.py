"""Class decorators that make one test class per parameter set."""
import functools
import inspect
import itertools
import sys
import types
import unittest


def _defining_module(cls):
    module = sys.modules.get(cls.__module__)
    if module is not None:
        return vars(module)
    # Module executed without being registered: find its namespace.
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_globals.get('__name__') == cls.__module__:
            return frame.f_globals
        frame = frame.f_back
    raise RuntimeError('cannot find module {}'.format(cls.__module__))


def _wrap_test_method(base, method, param):
    # Failures name the parameters, which the class name alone does not.
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except unittest.SkipTest:
            raise
        except Exception as e:
            note = 'Parameterized test failed.\n\nBase test method: {}.{}\n' \
                'Test parameters:\n{}'.format(
                    base.__name__, method.__name__,
                    ''.join('  {}: {}\n'.format(k, v)
                            for k, v in param.items()))
            if hasattr(e, 'add_note'):
                e.add_note(note)
                raise
            try:
                new = type(e)('{}\n(caused by)\n{}: {}'.format(
                    note, type(e).__name__, e))
            except Exception:
                raise e
            raise new from e
    return wrapper


def _make_case(base, name, param):
    members = {'__module__': base.__module__, '__qualname__': name,
               '__test__': True, '_chainer_test_parameters': param}
    for key, value in param.items():
        # v5: function values are not bound, so ``self.f(x)`` calls f(x).
        if isinstance(value, types.FunctionType):
            value = staticmethod(value)
        members[key] = value
    if issubclass(base, unittest.TestCase):
        def __str__(self):
            return '{}  parameter: {}'.format(base.__str__(self), param)
        members['__str__'] = __str__
    cls = type(name, (base,), members)
    for attr in dir(cls):
        method = inspect.getattr_static(cls, attr)
        if attr.startswith('test') and isinstance(method, types.FunctionType):
            setattr(cls, attr, _wrap_test_method(base, method, param))
    return cls


def parameterize(*params):
    """Generates one test class per parameter dict.

    The classes, named ``<Base>_param_<i>``, subclass the decorated class,
    have each dict's items as class attributes, and are added to the
    defining module so pytest collects them. The decorated class itself
    is no longer collected. Works for ``unittest.TestCase`` subclasses and
    pytest-style classes; applying it twice makes the product of both sets.

    Example (``TestSomething_param_0`` and ``_param_1`` are collected)::

        @testing.parameterize({'x': 1}, {'x': 2})
        class TestSomething(unittest.TestCase):
            def test_positive(self):
                assert self.x > 0

    Args:
        params (dicts): Parameter sets, e.g. from :func:`product`.
    """
    def decorator(base):
        if not isinstance(base, type):
            raise TypeError('parameterize decorates a class, got {!r}'
                            .format(base))
        namespace = _defining_module(base)
        previous = base.__dict__.get('_chainer_param_cases')
        bases = previous if previous else [base]
        cases = []
        for parent in bases:
            if previous:  # stacked: replace the inner cases by products
                namespace.pop(parent.__name__, None)
            for i, param in enumerate(params):
                name = '{}_param_{}'.format(parent.__name__, i)
                case = _make_case(parent, name, dict(param))
                namespace[name] = case
                cases.append(case)
        base._chainer_param_cases = cases
        base.__test__ = False
        return base
    return decorator


def product(parameter):
    """Makes the Cartesian product of parameters.

    Given a dict of lists, returns a list of dicts with one value per key;
    keys are iterated in sorted order, the last one varying fastest.
    Given a list of lists of dicts, returns the merged dicts of every
    combination of one dict from each list.

    >>> product({'a': [1, 2], 'b': [3]})
    [{'a': 1, 'b': 3}, {'a': 2, 'b': 3}]
    >>> product([[{'a': 1}, {'a': 2}], [{'b': 3}]])
    [{'a': 1, 'b': 3}, {'a': 2, 'b': 3}]
    """
    if isinstance(parameter, dict):
        keys = sorted(parameter)
        return [dict(zip(keys, values)) for values in
                itertools.product(*(parameter[k] for k in keys))]
    if isinstance(parameter, list):
        if not all(isinstance(group, list) for group in parameter):
            raise TypeError('parameter must be a list of lists of dicts')
        if not all(isinstance(d, dict) for group in parameter
                   for d in group):
            raise TypeError('parameter must be a list of lists of dicts')
        return product_dict(*parameter)
    raise TypeError('parameter must be either dict or list. Actual: {}'
                    .format(type(parameter)))


def product_dict(*parameters):
    """Merges one dict from each list, for every combination.

    >>> product_dict([{'a': 1}, {'a': 2}], [{'b': 3, 'c': 4}])
    [{'a': 1, 'b': 3, 'c': 4}, {'a': 2, 'b': 3, 'c': 4}]
    """
    result = []
    for dicts in itertools.product(*parameters):
        merged = {}
        for d in dicts:
            merged.update(d)
        result.append(merged)
    return result
