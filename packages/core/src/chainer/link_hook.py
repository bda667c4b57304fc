"""Hooks called around the forward computation of links (v5 API)."""
import collections
import threading

_thread_local = threading.local()


def _get_link_hooks():
    """The thread's global link hooks (``OrderedDict`` name -> hook)."""
    try:
        return _thread_local.link_hooks
    except AttributeError:
        hooks = collections.OrderedDict()
        _thread_local.link_hooks = hooks
        return hooks


class _ForwardPreprocessCallbackArgs(object):

    """Arguments given to :meth:`LinkHook.forward_preprocess`.

    Attributes:
        link (~chainer.Link): The link being called.
        forward_name (str): Name of the forward method (``'forward'``).
        args (tuple): Positional arguments of the call.
        kwargs (dict): Keyword arguments of the call.
    """

    def __init__(self, link, forward_name, args, kwargs):
        self.link = link
        self.forward_name = forward_name
        self.args = args
        self.kwargs = kwargs

    def __repr__(self):
        return '<_ForwardPreprocessCallbackArgs link={} forward_name={}>'\
            .format(self.link, self.forward_name)


class _ForwardPostprocessCallbackArgs(_ForwardPreprocessCallbackArgs):

    """Arguments given to :meth:`LinkHook.forward_postprocess`.

    Same as the preprocess arguments plus ``out``, the value the forward
    method returned.
    """

    def __init__(self, link, forward_name, args, kwargs, out):
        super(_ForwardPostprocessCallbackArgs, self).__init__(
            link, forward_name, args, kwargs)
        self.out = out

    def __repr__(self):
        return '<_ForwardPostprocessCallbackArgs link={} forward_name={}>'\
            .format(self.link, self.forward_name)


class LinkHook(object):

    """Base class of hooks called around the forward method of links.

    A hook is registered either on one link with
    :meth:`~chainer.Link.add_hook`, or for every link called by the current
    thread with a ``with`` statement::

        with MyLinkHook():
            y = model(x)

    Subclasses override :meth:`forward_preprocess` and
    :meth:`forward_postprocess`; :meth:`added` and :meth:`deleted` are
    called on registration and removal (with ``None`` as the link for a
    global registration).

    Attributes:
        name (str): Name of the hook; the key it is registered under unless
            another name is given to ``add_hook``.
    """

    name = 'LinkHook'

    def __enter__(self):
        hooks = _get_link_hooks()
        if self.name in hooks:
            raise KeyError('hook %s already exists' % self.name)
        hooks[self.name] = self
        self.added(None)
        return self

    def __exit__(self, *_):
        _get_link_hooks().pop(self.name, None)
        self.deleted(None)

    def added(self, link):
        """Called when the hook is registered.

        Args:
            link (~chainer.Link): The link it is added to, or ``None`` for a
                global (``with``) registration.
        """
        pass

    def deleted(self, link):
        """Called when the hook is unregistered.

        Args:
            link (~chainer.Link): The link it is removed from, or ``None``
                for a global registration.
        """
        pass

    def forward_preprocess(self, args):
        """Called before the forward method of a link.

        Args:
            args: Object with attributes ``link``, ``forward_name``, ``args``
                and ``kwargs``.
        """
        pass

    def forward_postprocess(self, args):
        """Called after the forward method of a link.

        Args:
            args: Object with attributes ``link``, ``forward_name``,
                ``args``, ``kwargs`` and ``out`` (the returned value).
        """
        pass
