"""Helpers for functions that take ``**kwargs``."""
import sys


def check_unexpected_kwargs(kwargs, **unexpected):
    """Raises ``ValueError`` if ``kwargs`` has a key of ``unexpected``.

    Args:
        kwargs (dict): The keyword arguments received.
        unexpected: ``name=message`` pairs; the message of the error raised
            when ``name`` is given (e.g. ``train='train argument is not
            supported anymore. Use chainer.using_config'``).
    """
    for key, message in unexpected.items():
        if key in kwargs:
            raise ValueError(message)


def _unexpected(kwargs, depth):
    # Names the function that called parse_kwargs, and lists the keys in
    # the order they were given, as v5 does.
    caller = sys._getframe(depth).f_code.co_name
    names = ', '.join(repr(name) for name in kwargs)
    return TypeError(
        '{}() got unexpected keyword argument(s) {}'.format(caller, names))


def parse_kwargs(kwargs, *name_and_values, **unexpected):
    """Pops known keyword arguments, checking that nothing else is left.

    Args:
        kwargs (dict): The keyword arguments received; known keys are
            removed from it.
        name_and_values: ``(name, default)`` pairs of the accepted keys.
        unexpected: ``name=message`` pairs of keys that are rejected with a
            ``ValueError`` explaining why (see
            :func:`check_unexpected_kwargs`).

    Returns:
        tuple: The value of each name (or its default), in order.

    Raises:
        ValueError: A key of ``unexpected`` was given.
        TypeError: Any other unknown key was given.
    """
    values = [kwargs.pop(name, default)
              for name, default in name_and_values]
    if kwargs:
        check_unexpected_kwargs(kwargs, **unexpected)
        raise _unexpected(kwargs, 2)
    return tuple(values)


def assert_kwargs_empty(kwargs):
    """Raises ``TypeError`` if ``kwargs`` is not empty.

    As in v5 (which delegates to :func:`parse_kwargs`), the message names
    ``assert_kwargs_empty`` itself, not its caller.
    """
    if kwargs:
        raise _unexpected(kwargs, 1)
