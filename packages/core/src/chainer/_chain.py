"""``Chain`` and ``ChainList``, re-exported by :mod:`chainer.link`.

Import them from ``chainer.link`` (or ``chainer``); this module is loaded by
``chainer.link`` once ``Link`` exists.
"""
from chainer.backends import cuda
from chainer import link


class Chain(link.Link):

    """Composable link with an object-like interface.

    Child links are registered by assigning them to attributes inside
    :meth:`~chainer.Link.init_scope` (or with :meth:`add_link`). Their
    parameters appear under the child's name, e.g. ``/l1/W``, and are
    collected, copied, moved between devices and serialized with the chain.

    Example::

        class MLP(chainer.Chain):

            def __init__(self):
                super(MLP, self).__init__()
                with self.init_scope():
                    self.l1 = L.Linear(None, 100)
                    self.l2 = L.Linear(100, 10)

            def forward(self, x):
                return self.l2(F.relu(self.l1(x)))

    Args:
        links: (deprecated since v2) Child links given by keyword.
    """

    def __init__(self, **links):
        super(Chain, self).__init__()
        self._children = set()
        for name, child in links.items():
            self.add_link(name, child)

    def __getitem__(self, name):
        """Equivalent to ``getattr(self, name)``."""
        return getattr(self, name)

    def __setattr__(self, name, value):
        if self.within_init_scope and isinstance(value, link.Link):
            if hasattr(self, name):
                raise AttributeError(
                    'cannot register a new link %s: attribute exists' % name)
            value.name = name
            self._children.add(name)
        super(Chain, self).__setattr__(name, value)

    def __delattr__(self, name):
        self._children.discard(name)
        super(Chain, self).__delattr__(name)

    def add_link(self, name, link_obj):
        """Registers a child link under ``name`` (also the attribute name).

        Args:
            name (str): Name of the child link.
            link_obj (~chainer.Link): The link to register.
        """
        if name in self.__dict__:
            raise AttributeError(
                'cannot register a new link %s: attribute exists' % name)
        if not isinstance(link_obj, link.Link):
            raise TypeError('cannot register a non-link object as a child')
        with self.init_scope():
            setattr(self, name, link_obj)

    def _sorted_children(self):
        d = self.__dict__
        for name in sorted(self._children):
            yield name, d[name]

    def copy(self, mode='share'):
        ret = super(Chain, self).copy(mode)
        if mode != 'share':
            return ret  # Link.copy deep-copied the whole hierarchy
        ret._children = set(self._children)
        d = ret.__dict__
        for name, child in self._sorted_children():
            copied = child.copy(mode)
            copied.name = name
            d[name] = copied
        return ret

    def to_cpu(self):
        super(Chain, self).to_cpu()
        for _, child in self._sorted_children():
            child.to_cpu()
        return self

    def to_gpu(self, device=None):
        cuda.check_cuda_available()
        with cuda._get_device_or_current(device):
            super(Chain, self).to_gpu()
            for _, child in self._sorted_children():
                child.to_gpu()
        return self

    def to_intel64(self):
        super(Chain, self).to_intel64()
        for _, child in self._sorted_children():
            child.to_intel64()
        return self

    def params(self, include_uninit=True):
        for param in super(Chain, self).params(include_uninit):
            yield param
        for _, child in self._sorted_children():
            for param in child.params(include_uninit):
                yield param

    def namedparams(self, include_uninit=True):
        for pair in super(Chain, self).namedparams(include_uninit):
            yield pair
        for name, child in self._sorted_children():
            prefix = '/' + name
            for path, param in child.namedparams(include_uninit):
                yield prefix + path, param

    def links(self, skipself=False):
        if not skipself:
            yield self
        for _, child in self._sorted_children():
            for descendant in child.links():
                yield descendant

    def namedlinks(self, skipself=False):
        if not skipself:
            yield '/', self
        for name, child in self._sorted_children():
            prefix = '/' + name
            yield prefix, child
            for path, descendant in child.namedlinks(True):
                yield prefix + path, descendant

    def children(self):
        for _, child in self._sorted_children():
            yield child

    def copyparams(self, link, copy_persistent=True):
        super(Chain, self).copyparams(link, copy_persistent)
        src = link.__dict__
        for name, child in self._sorted_children():
            child.copyparams(src[name], copy_persistent)

    def addgrads(self, link):
        super(Chain, self).addgrads(link)
        src = link.__dict__
        for name, child in self._sorted_children():
            child.addgrads(src[name])

    def serialize(self, serializer):
        super(Chain, self).serialize(serializer)
        for name, child in self._sorted_children():
            child.serialize(serializer[name])


class ChainList(link.Link):

    """Composable link with a list-like interface.

    Child links are held in order and named by their index, so parameter
    paths look like ``/0/W``. Use :meth:`append` (or :meth:`add_link`) to
    register them; assigning a link inside ``init_scope`` is an error.

    Args:
        links: Initial child links.
    """

    def __init__(self, *links):
        super(ChainList, self).__init__()
        self._children = []
        for child in links:
            self.add_link(child)

    def __setattr__(self, name, value):
        if self.within_init_scope and isinstance(value, link.Link):
            raise TypeError(
                'cannot register a new link within a "with '
                'chainlist.init_scope():" block.')
        super(ChainList, self).__setattr__(name, value)

    def __getitem__(self, index):
        """Returns the child at ``index`` (a list for a slice)."""
        return self._children[index]

    def __iter__(self):
        return iter(self._children)

    def __len__(self):
        """Returns the number of children."""
        return len(self._children)

    def add_link(self, link_obj):
        """Registers a child link at the end of the list.

        Args:
            link_obj (~chainer.Link): The link to register.
        """
        if not isinstance(link_obj, link.Link):
            raise TypeError('cannot register a non-link object as a child')
        link_obj.name = str(len(self._children))
        self._children.append(link_obj)

    def append(self, link_obj):
        """Same as :meth:`add_link` (the list interface)."""
        self.add_link(link_obj)

    def copy(self, mode='share'):
        ret = super(ChainList, self).copy(mode)
        if mode != 'share':
            return ret  # Link.copy deep-copied the whole hierarchy
        children = []
        for index, child in enumerate(self._children):
            copied = child.copy(mode)
            copied.name = str(index)
            children.append(copied)
        ret._children = children
        return ret

    def to_cpu(self):
        super(ChainList, self).to_cpu()
        for child in self._children:
            child.to_cpu()
        return self

    def to_gpu(self, device=None):
        cuda.check_cuda_available()
        with cuda._get_device_or_current(device):
            super(ChainList, self).to_gpu()
            for child in self._children:
                child.to_gpu()
        return self

    def to_intel64(self):
        super(ChainList, self).to_intel64()
        for child in self._children:
            child.to_intel64()
        return self

    def params(self, include_uninit=True):
        for param in super(ChainList, self).params(include_uninit):
            yield param
        for child in self._children:
            for param in child.params(include_uninit):
                yield param

    def namedparams(self, include_uninit=True):
        for pair in super(ChainList, self).namedparams(include_uninit):
            yield pair
        for index, child in enumerate(self._children):
            prefix = '/%d' % index
            for path, param in child.namedparams(include_uninit):
                yield prefix + path, param

    def links(self, skipself=False):
        if not skipself:
            yield self
        for child in self._children:
            for descendant in child.links():
                yield descendant

    def namedlinks(self, skipself=False):
        if not skipself:
            yield '/', self
        for index, child in enumerate(self._children):
            prefix = '/%d' % index
            yield prefix, child
            for path, descendant in child.namedlinks(True):
                yield prefix + path, descendant

    def children(self):
        for child in self._children:
            yield child

    def copyparams(self, link, copy_persistent=True):
        super(ChainList, self).copyparams(link, copy_persistent)
        for child, src in zip(self._children, link._children):
            child.copyparams(src, copy_persistent)

    def addgrads(self, link):
        super(ChainList, self).addgrads(link)
        for child, src in zip(self._children, link._children):
            child.addgrads(src)

    def serialize(self, serializer):
        super(ChainList, self).serialize(serializer)
        for index, child in enumerate(self._children):
            child.serialize(serializer['%d' % index])


# Reported (repr, pickle) under their public home, as in v5.
Chain.__module__ = 'chainer.link'
ChainList.__module__ = 'chainer.link'
