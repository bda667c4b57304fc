"""Optimizer base classes: hyperparameters, update rules, gradient methods.

An :class:`Optimizer` owns a target link. A :class:`GradientMethod` gives
every parameter of that link its own :class:`UpdateRule`, whose
:class:`Hyperparameter` falls back to the optimizer's one, so a single
assignment (``optimizer.lr = 0.1``) reaches every parameter while a rule may
still override a value for its own parameter.

>>> import numpy, chainer
>>> from chainer import optimizers
>>> model = chainer.Link()
>>> with model.init_scope():
...     model.w = chainer.Parameter(numpy.array([1., 2.]))
>>> opt = optimizers.SGD(lr=0.5).setup(model)
>>> model.w.grad = numpy.array([1., -1.])
>>> opt.update()
>>> model.w.array
array([0.5, 2.5])
>>> model.w.update_rule.hyperparam.lr = 0.1  # this parameter only
>>> opt.update()
>>> model.w.array
array([0.4, 2.6])
>>> opt.t, model.w.update_rule.t
(2, 2)
"""
import collections
import warnings

from chainer import _hyperparameter
from chainer import _update_rule
from chainer.backends import cuda

# Defined in private modules by concern; this is their public home.
Hyperparameter = _hyperparameter.Hyperparameter
HyperparameterProxy = _hyperparameter.HyperparameterProxy
UpdateRule = _update_rule.UpdateRule


class Optimizer(object):

    """Base class of all numerical optimizers.

    :meth:`setup` registers the target link; :meth:`update` updates its
    parameters. Hooks registered with :meth:`add_hook` run before
    (``'pre'``) or after (``'post'``) the update; a hook whose
    ``call_for_each_param`` is true is called as ``hook(rule, param)`` for
    every parameter, other hooks as ``hook(optimizer)``.

    Attributes:
        target: Target link object, set by :meth:`setup`.
        t: Number of update steps.
        epoch: Current epoch, incremented by :meth:`new_epoch`.
        use_auto_new_epoch: ``True`` when an updater calls
            :meth:`new_epoch` itself.
    """

    target = None
    t = 0
    epoch = 0
    _pre_update_hooks = None
    _post_update_hooks = None
    _loss_scale = None
    use_auto_new_epoch = False

    def setup(self, link):
        """Sets the target link and resets the optimizer state.

        Args:
            link (~chainer.Link): Target link object.

        Returns:
            The optimizer itself, so that
            ``optimizer = SomeOptimizer().setup(link)`` works.
        """
        from chainer import link as link_module
        if not isinstance(link, link_module.Link):
            raise TypeError('optimization target must be a link, not %s'
                            % type(link).__name__)
        self.target = link
        self.t = 0
        self.epoch = 0
        self._pre_update_hooks = collections.OrderedDict()
        self._post_update_hooks = collections.OrderedDict()
        return self

    def update(self, lossfun=None, *args, **kwds):
        """Updates the parameters of the target link.

        Args:
            lossfun (callable): Loss function called as
                ``lossfun(*args, **kwds)``; it returns a scalar
                :class:`~chainer.Variable`. If omitted, the gradients are
                assumed to be computed already.
            args, kwds: Arguments for the loss function.
        """
        raise NotImplementedError

    def new_epoch(self, auto=False):
        """Increments :attr:`epoch`.

        Args:
            auto (bool): ``True`` when called by an updater, which must have
                set :attr:`use_auto_new_epoch`. A manual call (``False``)
                while an updater calls it automatically raises
                ``RuntimeError``: the epoch would be counted twice.
        """
        if auto:
            if not self.use_auto_new_epoch:
                raise RuntimeError(
                    'new_epoch(auto=True) was called, but '
                    'use_auto_new_epoch of the optimizer is False; the '
                    'updater must set optimizer.use_auto_new_epoch = True')
        elif self.use_auto_new_epoch:
            raise RuntimeError(
                'new_epoch() was called manually while the updater calls it '
                'automatically; pass auto_new_epoch=False to the updater or '
                'stop calling new_epoch yourself')
        self.epoch += 1

    def add_hook(self, hook, name=None, timing='auto'):
        """Registers a hook function.

        Args:
            hook (callable): Hook function, called as ``hook(rule, param)``
                for every parameter if ``hook.call_for_each_param`` is true,
                else as ``hook(optimizer)`` once per update.
            name (str): Registration name; ``hook.name`` by default.
            timing (str): ``'pre'``, ``'post'``, or ``'auto'`` to use the
                hook's ``timing`` attribute.
        """
        if not callable(hook):
            raise TypeError('hook function is not callable')
        if self._pre_update_hooks is None:
            raise RuntimeError('call `setup` method before `add_hook` method')
        _update_rule.check_timing(timing)
        if timing == 'auto':
            timing = getattr(hook, 'timing', None)
            if timing not in ('pre', 'post'):
                warnings.warn("Hook timing attribute not in ('pre', 'post'), "
                              "defaulting timing to 'pre'.")
                timing = 'pre'
        if name is None:
            name = hook.name
        if name in self._pre_update_hooks or name in self._post_update_hooks:
            raise KeyError('hook "{}" already exists'.format(name))
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

    def call_hooks(self, timing='pre'):
        """Invokes the hooks of the given timing in registration order."""
        for hook in self._hooks_of(timing):
            self._call_hook(hook)

    def _hooks_of(self, timing):
        _update_rule.check_timing(timing, ('pre', 'post'))
        hooks = (self._pre_update_hooks if timing == 'pre'
                 else self._post_update_hooks)
        return list(hooks.values()) if hooks else ()

    def _call_hook(self, hook):
        if getattr(hook, 'call_for_each_param', False):
            for param in self.target.params():
                hook(param.update_rule, param)
        else:
            hook(self)

    def serialize(self, serializer):
        """Serializes ``t``, ``epoch`` and each parameter's update rule.

        Update-rule entries go under the parameter path (for example
        ``predictor/l1/W/v``). The parameters themselves are not serialized.

        Args:
            serializer (~chainer.AbstractSerializer): Serializer or
                deserializer object.
        """
        self.t = serializer('t', self.t)
        self.epoch = serializer('epoch', self.epoch)
        for name, param in self.target.namedparams():
            rule = getattr(param, 'update_rule', None)
            if rule is not None:
                rule.serialize(serializer[name.lstrip('/')])

    def set_loss_scale(self, loss_scale):
        """Sets the loss scaling factor used by :meth:`update`."""
        self._loss_scale = loss_scale


class GradientMethod(Optimizer):

    """Base class of all single gradient-based optimizers.

    Subclasses override :meth:`create_update_rule`; :meth:`setup` gives a
    new rule to every parameter, with :attr:`hyperparam` as its parent.

    Attributes:
        hyperparam (Hyperparameter): Default hyperparameters of the rules.
    """

    def __init__(self):
        super(GradientMethod, self).__init__()
        self.hyperparam = _hyperparameter.Hyperparameter()
        self._use_fp32_update = False

    def setup(self, link):
        super(GradientMethod, self).setup(link)
        for param in link.params():
            param.update_rule = self.create_update_rule()
            if self._use_fp32_update:
                param.update_rule.use_fp32_update()
        return self

    def reallocate_cleared_grads(self):
        """Allocates zero gradients where a parameter's gradient is None."""
        for param in self.target.params(include_uninit=False):
            if param.grad is None:
                with cuda.get_device_from_array(param.array):
                    xp = cuda.get_array_module(param.array)
                    param.grad = xp.zeros_like(param.array)

    def call_hooks(self, timing='pre'):
        """Invokes the hooks of the given timing in registration order."""
        for hook in self._hooks_of(timing):
            self._call_hook(hook)
            self.reallocate_cleared_grads()

    def update(self, lossfun=None, *args, **kwds):
        """Updates parameters from a loss function or computed gradients.

        With ``lossfun``, the loss ``lossfun(*args, **kwds)`` is computed,
        the gradients are cleared and the loss is backpropagated (scaled by
        the loss scale, if set). Then the 'pre' hooks run, every parameter
        is updated by its rule, ``t`` is incremented and the 'post' hooks
        run.
        """
        if lossfun is not None:
            loss = lossfun(*args, **kwds)
            if getattr(self, '_use_cleargrads', True):
                self.target.cleargrads()
            else:
                self.target.zerograds()
            loss.backward(loss_scale=self._loss_scale)
            del loss

        self.reallocate_cleared_grads()
        self.call_hooks('pre')
        self.t += 1
        for param in self.target.params():
            param.update()
        self.reallocate_cleared_grads()
        self.call_hooks('post')

    def use_cleargrads(self, use=True):
        """Chooses cleargrads (default) or zerograds in :meth:`update`.

        .. deprecated:: v2.0
        """
        warnings.warn('GradientMethod.use_cleargrads is deprecated.',
                      DeprecationWarning)
        self._use_cleargrads = use

    def create_update_rule(self):
        """Creates the update rule of one parameter (override this)."""
        raise NotImplementedError

    def use_fp32_update(self, flag=True):
        """Updates float16 parameters in float32 (see UpdateRule)."""
        self._use_fp32_update = flag
        if self.target is not None:
            for param in self.target.params():
                if param.update_rule is not None:
                    param.update_rule.use_fp32_update(flag)


# v4 moved the hooks to chainer.optimizer_hooks; the old names still work
# in v5 but warn.
_DEPRECATED_HOOKS = ('GradientClipping', 'GradientHardClipping',
                     'GradientNoise', 'Lasso', 'WeightDecay')


def __getattr__(name):
    if name in _DEPRECATED_HOOKS or name == 'exponential_decay_noise':
        from chainer import optimizer_hooks
        from chainer.optimizer_hooks import gradient_noise
        warnings.warn(
            'chainer.optimizer.{0} is deprecated; use '
            'chainer.optimizer_hooks.{0} instead.'.format(name),
            DeprecationWarning, stacklevel=2)
        if name == 'exponential_decay_noise':
            return gradient_noise.exponential_decay_noise
        return getattr(optimizer_hooks, name)
    raise AttributeError(
        "module 'chainer.optimizer' has no attribute %r" % name)
