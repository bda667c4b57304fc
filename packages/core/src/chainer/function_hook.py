"""Base class of hooks called around every function application."""
import collections
import threading

class _ThreadLocal(threading.local):

    def __init__(self):
        # Set up front in every thread: FunctionNode.apply reads it on each
        # call, and a missing attribute is slow to look up.
        self.function_hooks = collections.OrderedDict()


_thread_local = _ThreadLocal()


def _get_function_hooks():
    """The thread's global hooks (``OrderedDict`` name -> hook)."""
    return _thread_local.function_hooks


class FunctionHook(object):

    """Base class of function hooks.

    A hook is called before and after the forward and backward computation
    of each function. Register it globally for the current thread with a
    ``with`` statement, or on one function with ``FunctionNode.add_hook``.
    Override the ``*_preprocess``/``*_postprocess`` methods.
    """

    name = 'FunctionHook'

    def __enter__(self):
        hooks = _get_function_hooks()
        if self.name in hooks:
            raise KeyError('hook %s already exists' % self.name)
        hooks[self.name] = self
        self.added(None)
        return self

    def __exit__(self, *_):
        _get_function_hooks().pop(self.name, None)
        self.deleted(None)

    def added(self, function):
        """Called when the hook is registered (``function`` is ``None``
        for a global registration)."""
        pass

    def deleted(self, function):
        """Called when the hook is unregistered."""
        pass

    def forward_preprocess(self, function, in_data):
        """Called before forward with the input arrays."""
        pass

    def forward_postprocess(self, function, in_data):
        """Called after forward with the input arrays."""
        pass

    def backward_preprocess(self, function, in_data, out_grad):
        """Called before backward with input arrays and output grads."""
        pass

    def backward_postprocess(self, function, in_data, out_grad):
        """Called after backward with input arrays and output grads."""
        pass
