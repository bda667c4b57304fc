"""Per-link hook registry, a base class of :class:`chainer.Link`.

Only ``Link`` should derive from it; it uses ``Link``'s
``_local_link_hooks`` attribute. ``Link.__call__`` runs the hooks.
"""
import collections

from chainer import link_hook


class LinkHooksMixin(object):

    """Registration of the link hooks that apply to one link only."""

    @property
    def local_link_hooks(self):
        """Ordered dictionary of the link hooks registered on this link.

        Unlike the hooks registered with ``with hook:``, which apply to all
        links, these apply only to this link.
        """
        if self._local_link_hooks is None:
            self._local_link_hooks = collections.OrderedDict()
        return self._local_link_hooks

    def add_hook(self, hook, name=None):
        """Registers a link hook on this link.

        Args:
            hook (~chainer.LinkHook): The hook.
            name (str): Unique name among this link's hooks; the hook's
                ``name`` attribute if omitted.

        Returns ``self``.
        """
        if not isinstance(hook, link_hook.LinkHook):
            raise TypeError('Hook must be of type LinkHook')
        if name is None:
            name = hook.name
        hooks = self.local_link_hooks
        if name in hooks:
            raise KeyError('Hook %s already exists' % name)
        hooks[name] = hook
        hook.added(self)
        return self

    def delete_hook(self, name):
        """Unregisters the link hook registered under ``name``."""
        hooks = self.local_link_hooks
        if name not in hooks:
            raise KeyError('Hook %s does not exist' % name)
        hook = hooks.pop(name)
        hook.deleted(self)
