"""``Link``, ``Chain`` and ``ChainList``: the building blocks of models."""
import collections
import contextlib

import numpy

from chainer import _link_copy
from chainer import _link_device
from chainer import _link_device_mixin
from chainer import _link_grads_mixin
from chainer import _link_hooks_mixin
from chainer import backend
from chainer import initializers
from chainer import link_hook
from chainer import variable


def _shape_and_dtype(value):
    # v1-style ``Link(W=(3, 4))`` or ``Link(W=((3, 4), numpy.float64))``.
    if isinstance(value, tuple) and len(value) == 2 and \
            isinstance(value[1], (numpy.dtype, type, str)):
        return value[0], value[1]
    return value, numpy.float32


class Link(_link_hooks_mixin.LinkHooksMixin, _link_grads_mixin.LinkGradsMixin,
           _link_device_mixin.LinkDeviceMixin):

    """Building block of model definitions.

    A link holds *parameters* (:class:`~chainer.Parameter` objects assigned
    to attributes inside :meth:`init_scope`) and *persistent values* (arrays
    or scalars registered with :meth:`add_persistent` or
    :meth:`register_persistent`, e.g. running statistics). Both are
    serialized; other attributes are part of the program and must be
    rebuilt by user code.

    Calling a link runs its ``forward`` method, surrounded by the link
    hooks registered on it (:meth:`add_hook`) and globally (``with hook:``).

    Example::

        class LinearLayer(chainer.Link):

            def __init__(self, n_in, n_out):
                super(LinearLayer, self).__init__()
                with self.init_scope():
                    self.W = chainer.Parameter(
                        initializers.Normal(), (n_out, n_in))
                    self.b = chainer.Parameter(
                        initializers.Zero(), (n_out,))

            def forward(self, x):
                return F.linear(x, self.W, self.b)

    Args:
        params: (deprecated since v2) Names mapped to shapes, or to
            ``(shape, dtype)`` pairs, of parameters to create with
            :meth:`add_param`.

    Attributes:
        name (str): Name of this link, given by the parent chain (if any).
    """

    def __init__(self, **params):
        self._params = set()
        self._persistent = set()
        self._cpu = True
        self._device_id = None
        self._within_init_scope = False
        self._local_link_hooks = None
        self.name = None
        for name, value in params.items():
            shape, dtype = _shape_and_dtype(value)
            self.add_param(name, shape, dtype=dtype)

    @property
    def within_init_scope(self):
        """True inside :meth:`init_scope` (assignments register)."""
        return getattr(self, '_within_init_scope', False)

    @contextlib.contextmanager
    def init_scope(self):
        """Creates an initialization scope.

        Inside ``with link.init_scope():``, assigning a
        :class:`~chainer.Parameter` to an attribute registers it as a
        parameter (and, for :class:`Chain`, assigning a :class:`Link`
        registers a child link).
        """
        old = self.within_init_scope
        self._within_init_scope = True
        try:
            yield
        finally:
            self._within_init_scope = old

    def __call__(self, *args, **kwargs):
        """Runs the forward method between the link hooks' callbacks.

        Global hooks (``with hook:``) run first, then this link's own.
        """
        hooks = link_hook._get_link_hooks()
        local = self._local_link_hooks
        if local:
            hooks = collections.OrderedDict(hooks)
            hooks.update(local)
        # v5: a __call__ injected by a mixin class wins over forward().
        # Link's own private bases must therefore never define __call__.
        forward = getattr(super(Link, self), '__call__', None)
        if forward is None:
            forward = self.forward
        if not hooks:
            return forward(*args, **kwargs)
        hooks = list(hooks.values())
        pre = link_hook._ForwardPreprocessCallbackArgs(
            self, 'forward', args, kwargs)
        for hook in hooks:
            hook.forward_preprocess(pre)
        out = forward(*args, **kwargs)
        post = link_hook._ForwardPostprocessCallbackArgs(
            self, 'forward', args, kwargs, out)
        for hook in hooks:
            hook.forward_postprocess(post)
        return out

    def __setattr__(self, name, value):
        if self.within_init_scope and isinstance(value, variable.Parameter):
            value.name = name
            if not self._cpu:
                value.to_gpu(self._device_id)
            self._params.add(name)
            self._persistent.discard(name)
        super(Link, self).__setattr__(name, value)

    def __delattr__(self, name):
        self._params.discard(name)
        self._persistent.discard(name)
        super(Link, self).__delattr__(name)

    def add_param(self, name, shape=None, dtype=numpy.float32,
                  initializer=None):
        """Registers a parameter to the link (deprecated since v2).

        Prefer assigning a :class:`~chainer.Parameter` inside
        :meth:`init_scope`.

        Args:
            name (str): Name of the parameter and of the attribute.
            shape (int or tuple of ints): Shape of the parameter; if
                omitted, the parameter stays uninitialized.
            dtype: Data type, used only when ``initializer`` is ``None``
                (the parameter is then filled with NaN).
            initializer: An initializer, an array, or a scalar.
        """
        if name in self.__dict__:
            raise AttributeError(
                'cannot register a new parameter %s: attribute exists'
                % name)
        if initializer is None:
            initializer = initializers.NaN(dtype)
        param = variable.Parameter(initializer, shape)
        with self.init_scope():
            setattr(self, name, param)

    def add_persistent(self, name, value):
        """Registers a persistent value (saved and loaded by serializers).

        Args:
            name (str): Name of the value and of the attribute.
            value: The value (array, scalar or other serializable object).
        """
        d = self.__dict__
        if name in d:
            raise AttributeError(
                'cannot register a new persistent value %s: attribute exists'
                % name)
        self._persistent.add(name)
        self._params.discard(name)
        d[name] = value

    def register_persistent(self, name):
        """Registers an existing attribute as a persistent value.

        A parameter of that name is re-registered as a persistent value.

        Args:
            name (str): Name of the attribute.
        """
        if not hasattr(self, name):
            raise AttributeError(
                'cannot register non-existent attribute %s as a persistent '
                'value' % name)
        self._persistent.add(name)
        self._params.discard(name)

    def copy(self, mode='share'):
        """Copies the link hierarchy rooted here.

        The copy's :attr:`name` is reset, since it belongs to no chain.

        Args:
            mode (str): ``'share'`` copies the link objects shallowly, so
                parameters share their arrays with the original (gradients
                are not shared); ``'copy'`` deep-copies everything;
                ``'init'`` deep-copies and then re-initializes every
                initialized parameter with its initializer.

        Returns:
            Link: The copied link.
        """
        return _link_copy.copy_link(self, mode)

    def _own_params(self, include_uninit):
        d = self.__dict__
        for name in sorted(self._params):
            if include_uninit or d[name].array is not None:
                yield name, d[name]

    def params(self, include_uninit=True):
        """Returns a generator of all parameters under the hierarchy.

        Args:
            include_uninit (bool): If ``True``, uninitialized parameters
                are generated as well.
        """
        for _, param in self._own_params(include_uninit):
            yield param

    def namedparams(self, include_uninit=True):
        """Returns a generator of ``(path, param)`` pairs under the hierarchy.

        Paths are relative to this link, e.g. ``'/W'`` or ``'/l1/W'``.

        Args:
            include_uninit (bool): If ``True``, uninitialized parameters
                are generated as well.
        """
        for name, param in self._own_params(include_uninit):
            yield '/' + name, param

    def links(self, skipself=False):
        """Returns a generator of all links under the hierarchy.

        Args:
            skipself (bool): If ``True``, this link itself is skipped.
        """
        if not skipself:
            yield self

    def namedlinks(self, skipself=False):
        """Returns a generator of ``(path, link)`` pairs under the hierarchy.

        This link's path is ``'/'``.

        Args:
            skipself (bool): If ``True``, this link itself is skipped.
        """
        if not skipself:
            yield '/', self

    def children(self):
        """Returns a generator of the child links (none for a plain Link)."""
        return iter(())

    def copyparams(self, link, copy_persistent=True):
        """Copies parameters (and persistent values) from another link.

        Data arrays are copied across host and devices; gradients are not.
        From v5, persistent values are copied too: arrays element-wise,
        other values with :func:`copy.deepcopy`.

        Args:
            link (Link): Source link with the same structure.
            copy_persistent (bool): If ``False``, persistent values are
                left alone (the behaviour before v5).
        """
        src = link.__dict__
        dst = self.__dict__
        for name in self._params:
            if dst[name].array is None and src[name].array is None:
                continue  # both uninitialized: nothing to copy (v5)
            dst[name].copydata(src[name])
        if copy_persistent:
            for name in self._persistent:
                dst[name] = _link_device.copy_persistent(
                    dst[name], src[name])

    def addgrads(self, link):
        """Adds the gradients of another link to this link's gradients.

        Args:
            link (Link): Source link with the same structure.
        """
        src = link.__dict__
        dst = self.__dict__
        for name in self._params:
            dst[name].addgrad(src[name])

    def repeat(self, n_repeat, mode='init'):
        """Returns a :class:`~chainer.Sequential` of ``n_repeat`` copies.

        Args:
            n_repeat (int): Number of copies; an empty Sequential if ``<= 0``.
            mode (str): Copy mode given to :meth:`copy` for each element
                (``'init'``, ``'copy'`` or ``'share'``).
        """
        from chainer import sequential  # lazy: sequential imports link
        ret = sequential.Sequential()
        if n_repeat <= 0:
            return ret
        _link_copy.check_copy_mode(mode)
        for _ in range(n_repeat):
            ret.append(self.copy(mode))
        return ret

    def serialize(self, serializer):
        """Saves or loads the parameters and persistent values.

        When loading into an uninitialized parameter, it is first created
        with the shape found in the file (as v5 does).

        Args:
            serializer (~chainer.AbstractSerializer): Serializer object.
        """
        d = self.__dict__
        for name in sorted(self._params):
            param = d[name]
            data = serializer(name, param.array)
            if param.array is None and data is not None:
                param.initialize(data.shape)
                backend.copyto(param.array, numpy.asarray(data))
        for name in sorted(self._persistent):
            d[name] = serializer(name, d[name])

# Last: chainer._chain subclasses Link from this module.
from chainer._chain import Chain  # NOQA
from chainer._chain import ChainList  # NOQA
