"""``static_code``: user code that a static chain runs on every call."""
import functools
import warnings

from chainer import configuration


def static_code(*dec_args, **dec_kwargs):
    """Decorator to run a function on every call of a static chain.

    A static chain (see :func:`chainer.static_graph`) runs its define-by-run
    code only on its first call; later calls replay the recorded Chainer
    functions. Other code in ``__call__``/``forward`` (printing, counters,
    random arrays drawn with NumPy/CuPy, ...) would therefore run once.
    Put such "side effect" code in a function decorated with
    ``@static_code``: when called from a static chain's define-by-run code
    it runs and is added to the schedule at that point, so every replay
    calls it again, with the arrays of that call.

    Arrays (or Variables) passed to the function that are inputs of the
    chain or results of earlier functions or ``static_code`` calls are
    replaced by the current call's arrays on replay. By v5's convention,
    list them in an ``inputs`` keyword argument, and pass preallocated
    arrays to write into in an ``outputs`` keyword argument. The function
    may instead return newly allocated arrays (one, or a tuple of them):
    they become values of the schedule that later functions can use.
    A Variable made from such a result carries no gradient.

    Outside a static chain the function is simply called.

    Args:
        func_name (str): Optional name for messages (decorator argument).

    .. admonition:: Example

        >>> calls = []
        >>> @chainer.static_code
        ... def count():
        ...     calls.append(1)
        >>> count()
        >>> len(calls)
        1
    """
    if len(dec_args) == 1 and not dec_kwargs and callable(dec_args[0]):
        return _wrap(dec_args[0], None)
    # v5 ignores other arguments; we do too, with a warning.
    if dec_args:
        warnings.warn('static_code ignores positional arguments other than '
                      'the decorated function')
    unknown = set(dec_kwargs) - {'func_name'}
    if unknown:
        warnings.warn('static_code ignores unknown keyword arguments: %s'
                      % ', '.join(sorted(unknown)))
    func_name = dec_kwargs.get('func_name')
    return lambda func: _wrap(func, func_name)


def _wrap(func, func_name):
    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        recorder = configuration.config.schedule_func
        if recorder is None:
            return func(*args, **kwargs)
        return recorder.append_function(func, args, kwargs)

    wrapped._static_code_name = func_name or getattr(
        func, '__name__', repr(func))
    return wrapped


def is_trace_mode():
    """Whether a static chain is being recorded in this thread."""
    return configuration.config.schedule_func is not None
