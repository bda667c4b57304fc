"""``UpdateRule``, re-exported by :mod:`chainer.optimizer`.

Import it from ``chainer.optimizer``: that is its public home, and
``__module__`` says so, so that pickles and reprs name it. The timing and
hook-name checks here are shared with the optimizers' own hooks.
"""
import collections
import copy

import numpy

from chainer import _hyperparameter
from chainer.backends import cuda


def check_timing(timing, allowed=('pre', 'post', 'auto')):
    """Raises ``ValueError`` unless ``timing`` is one of ``allowed``."""
    if timing not in allowed:
        raise ValueError('timing must be one of %s, got %r'
                         % (allowed, timing))


def hook_name(hook, name):
    """Returns ``name``, or the hook's own name when it is ``None``."""
    if name is None:
        name = getattr(hook, 'name', getattr(hook, '__name__', None))
        if name is None:
            raise ValueError('the name of the hook function is not specified')
    return name


class UpdateRule(object):

    """Base class of all update rules: how one parameter is updated.

    A :class:`GradientMethod` sets an update rule as the ``update_rule`` of
    each parameter of its target link. Subclasses implement
    :meth:`update_core` (or :meth:`update_core_cpu` and
    :meth:`update_core_gpu`) and, when they keep per-parameter arrays,
    :meth:`init_state`, which fills :attr:`state` on the first update. State
    arrays are moved to the parameter's device before every update.

    Hooks (callables taking ``(rule, param)``) run in registration order
    before (``'pre'``) or after (``'post'``) the update.

    Args:
        parent_hyperparam (Hyperparameter): Hyperparameter that provides the
            default values.

    Attributes:
        enabled (bool): If ``False``, :meth:`update` does nothing.
        hyperparam (Hyperparameter): Hyperparameter of the update rule.
        t (int): Number of updates made by this update rule.
    """

    def __init__(self, parent_hyperparam=None):
        self._pre_update_hooks = collections.OrderedDict()
        self._post_update_hooks = collections.OrderedDict()
        self._state = None
        self.enabled = True
        self.hyperparam = _hyperparameter.Hyperparameter(parent_hyperparam)
        self.t = 0
        self._use_fp32_update = False
        self._fp32_param = None

    @property
    def state(self):
        """State dictionary (``None`` until the first update)."""
        return self._state

    def add_hook(self, hook, name=None, timing='auto'):
        """Adds a hook function called with ``(rule, param)``.

        Args:
            hook (callable): Hook function.
            name (str): Name of the hook; ``hook.name`` (or ``__name__``)
                by default.
            timing (str): ``'pre'`` (before the update), ``'post'`` (after)
                or ``'auto'`` (the hook's ``timing`` attribute, ``'pre'``
                when it has none).
        """
        if not callable(hook):
            raise TypeError('hook function must be callable')
        check_timing(timing)
        if timing == 'auto':
            timing = getattr(hook, 'timing', 'pre')
        name = hook_name(hook, name)
        if name in self._pre_update_hooks or name in self._post_update_hooks:
            raise ValueError('hook "{}" already exists'.format(name))
        if timing == 'pre':
            self._pre_update_hooks[name] = hook
        else:
            self._post_update_hooks[name] = hook

    def remove_hook(self, name):
        """Removes the hook registered under ``name`` (KeyError if none)."""
        if name in self._pre_update_hooks:
            del self._pre_update_hooks[name]
        else:
            del self._post_update_hooks[name]

    def update(self, param):
        """Invokes hook functions and updates the parameter.

        Args:
            param (~chainer.Variable): Variable to be updated.
        """
        if not self.enabled:
            return
        self.t += 1
        if param.grad is None:
            return
        if self._use_fp32_update and param.dtype == numpy.float16:
            self._update_via_fp32(param)
        else:
            self._update_param(param, param)

    def _update_via_fp32(self, param):
        fp32 = self._fp32_param
        if fp32 is None or type(fp32.array) is not type(param.array):
            from chainer import variable
            fp32 = self._fp32_param = variable.Variable(
                param.array.astype(numpy.float32), name=param.name)
        fp32.grad = param.grad.astype(numpy.float32)
        self._update_param(param, fp32)
        # Copy back in place so that references to the fp16 array stay valid.
        xp = cuda.get_array_module(param.array)
        with cuda.get_device_from_array(param.array):
            xp.copyto(param.array, fp32.array, casting='unsafe')
        fp32.grad = None

    def _update_param(self, param, target):
        if target.array is not None:
            self._prepare(target)
        loss_scale = param._loss_scale
        if loss_scale is not None:
            # Gradients of a scaled loss are scaled too (v5 loss scaling).
            target.grad /= loss_scale
        for hook in self._pre_update_hooks.values():
            hook(self, target)
        self.update_core(target)
        for hook in self._post_update_hooks.values():
            hook(self, target)

    def update_core(self, param):
        """Updates the parameter; dispatches to the CPU or GPU variant.

        Args:
            param (~chainer.Variable): Variable to be updated.
        """
        if param.grad is None:
            return
        with cuda.get_device_from_array(param.array) as dev:
            if int(dev) == -1:
                self.update_core_cpu(param)
            else:
                self.update_core_gpu(param)

    def update_core_cpu(self, param):
        """Updates the parameter on CPU (see :meth:`update_core`)."""
        raise NotImplementedError

    def update_core_gpu(self, param):
        """Updates the parameter on GPU (see :meth:`update_core`)."""
        raise NotImplementedError

    def init_state(self, param):
        """Initializes :attr:`state` at the first update.

        Args:
            param (~chainer.Variable): Parameter; gives the shape, dtype and
                device of the state arrays.
        """
        pass

    def serialize(self, serializer):
        """Serializes the update count ``t`` and the state arrays.

        The parameters themselves are not serialized here; serialize the
        target link separately.

        Args:
            serializer (~chainer.AbstractSerializer): Serializer object.
        """
        self.t = serializer('t', self.t)
        if self._state is not None:
            for key in self._state:
                self._state[key] = serializer(key, self._state[key])
            return
        from chainer import serializer as serializer_module
        if not isinstance(serializer, serializer_module.Deserializer):
            return
        # Learn the state keys by initializing a throw-away copy on a dummy
        # parameter, then load them. A snapshot that lacks a key (made before
        # the first update) leaves the state to be initialized lazily.
        from chainer import variable
        probe = copy.copy(self)
        probe._state = {}
        arr = numpy.empty(1, dtype=numpy.float32)
        probe.init_state(variable.Variable(arr, grad=arr))
        state = {}
        for key in probe._state:
            try:
                value = serializer(key, None)
            except KeyError:
                if self.enabled:
                    raise
                value = None
            if value is None:
                return
            state[key] = value
        self._state = state

    def _prepare(self, param):
        state = self._state
        with cuda.get_device_from_array(param.array) as dev:
            if state is None:
                state = self._state = {}
                self.init_state(param)
            on_gpu = int(dev) != -1
            for key, value in state.items():
                if on_gpu:
                    if not isinstance(value, cuda.ndarray) or \
                            value.device.id != dev.id:
                        if isinstance(value, (numpy.ndarray, cuda.ndarray)):
                            state[key] = cuda.to_gpu(value, dev.id)
                elif isinstance(value, cuda.ndarray):
                    state[key] = cuda.to_cpu(value)

    def use_fp32_update(self, flag=True):
        """Updates float16 parameters through a float32 master copy.

        When enabled, a float16 parameter is updated in float32: its
        gradient is cast to a float32 copy of the parameter (kept in the
        rule), the rule updates that copy (state arrays are float32 too) and
        the result is cast back into the float16 parameter.
        """
        self._use_fp32_update = flag


# Pickles store ``__module__``; v5 pickles name chainer.optimizer.
UpdateRule.__module__ = 'chainer.optimizer'
