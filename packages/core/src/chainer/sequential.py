"""``Sequential``: a list of links and functions applied one after another."""
import copy as copy_module
import functools
import inspect

from chainer import _link_copy
from chainer import function
from chainer import function_node
from chainer import link


def _type_name(layer):
    # The name count_by_layer_type/remove_by_layer_type match against: the
    # class name of links and Function objects, the function's name
    # otherwise.
    if isinstance(layer, (link.Link, function.Function,
                          function_node.FunctionNode)):
        return type(layer).__name__
    if isinstance(layer, functools.partial):
        return _type_name(layer.func)
    return getattr(layer, '__name__', type(layer).__name__)


def _check_callable(layer):
    if not callable(layer):
        raise ValueError(
            'All elements of a Sequential class should be callable. But '
            'given {!r} is not callable.'.format(layer))


def _describe(layer):
    if isinstance(layer, Sequential):
        return 'Sequential\twhich has {} layers'.format(len(layer))
    name = type(layer).__name__
    if isinstance(layer, link.Chain):
        return (name + '\tThe structure behind a Chain is determined at '
                'runtime.')
    if isinstance(layer, link.ChainList):
        return (name + '\tThe structure behind a ChainList is determined '
                'at runtime.')
    if isinstance(layer, link.Link):
        cells = [name]
        for param in sorted(layer.params(), key=lambda p: p.name):
            shape = '(None)' if param.array is None else str(param.shape)
            cells.append(param.name + shape)
        return '\t'.join(cells) + '\t'
    if isinstance(layer, (function.Function, function_node.FunctionNode)):
        return name
    if isinstance(layer, functools.partial):
        return repr(layer)
    if getattr(layer, '__name__', None) == '<lambda>':
        try:
            return inspect.getsource(layer).strip()
        except (OSError, TypeError):
            return '<lambda>'
    return getattr(layer, '__name__', repr(layer))


class Sequential(link.ChainList):

    """Sequential model whose forward pass applies its layers in order.

    Layers can be links or any callables (functions of
    :mod:`chainer.functions`, ``functools.partial`` objects, lambdas).
    Each layer's output feeds the next; a tuple output is unpacked into
    positional arguments of the next layer. The object also behaves like a
    list (``append``, ``insert``, ``pop``, ``remove``, ``extend``, ``+``,
    indexing, slicing returns a list of layers).

    Only the link layers are children, named ``0``, ``1``, ... (the keys
    of saved files, ``/0/W``). Their order is v5's, which is not always
    the layer order: see :meth:`insert`.

    Example::

        model = chainer.Sequential(
            L.Linear(n_in, n_hidden), F.relu, L.Linear(n_hidden, n_out))
        y = model(x)

    Args:
        layers: Callables applied in the order given.
    """

    def __init__(self, *layers):
        super(Sequential, self).__init__()
        self._layers = []
        for layer in layers:
            self.append(layer)

    def _rename_children(self):
        for index, child in enumerate(self._children):
            child.name = str(index)

    def _drop_child(self, layer):
        # v5 finds the child by its name (its index among the children).
        for index, child in enumerate(self._children):
            if child.name == layer.name:
                del self._children[index]
                break
        self._rename_children()

    def __len__(self):
        return len(self._layers)

    def __getitem__(self, i):
        return self._layers[i]

    def __setitem__(self, i, layer):
        if i >= len(self):
            raise ValueError('{} should be less than {}'.format(i, len(self)))
        _check_callable(layer)
        # As v5: delete, then insert at the same index (so a negative index
        # lands one place earlier, and the child order follows insert's).
        if self._layers[i] is not layer:
            del self[i]
            self.insert(i, layer)

    def __delitem__(self, i):
        if isinstance(i, slice):
            for index in sorted(range(len(self._layers))[i], reverse=True):
                del self[index]
            return
        layer = self._layers.pop(i)
        if isinstance(layer, link.Link):
            self._drop_child(layer)

    def __iter__(self):
        return iter(self._layers)

    def __reversed__(self):
        return reversed(self._layers)

    def __contains__(self, layer):
        return layer in self._layers

    def __add__(self, other):
        if not isinstance(other, Sequential):
            raise ValueError(
                'add (+) operator supports only objects of Sequential '
                'class, but {} is given.'.format(type(other)))
        return Sequential(*(list(self) + list(other)))

    def __iadd__(self, other):
        if not isinstance(other, Sequential):
            raise ValueError(
                'add (+) operator supports only objects of Sequential '
                'class, but {} is given.'.format(type(other)))
        self.extend(other)
        return self

    def __mul__(self, n_repeat):
        # Not in v5: a shorthand for ``repeat(n)`` (re-initialized copies).
        if not isinstance(n_repeat, int):
            return NotImplemented
        return self.repeat(n_repeat)

    __rmul__ = __mul__

    def forward(self, *x):
        """Applies the layers in order.

        Args:
            x: Inputs of the first layer.

        Returns:
            The output of the last layer.
        """
        for layer in self._layers:
            x = layer(*x) if isinstance(x, tuple) else layer(x)
        return x

    def __reduce__(self):
        if any(getattr(layer, '__name__', None) == '<lambda>'
               for layer in self._layers):
            raise ValueError(
                'This Sequential object has at least one lambda function as '
                'its component. Lambda functions cannot be pickled; use '
                'functools.partial instead.')
        return super(Sequential, self).__reduce__()

    def __str__(self):
        return ''.join('{}\t{}\n'.format(i, _describe(layer))
                       for i, layer in enumerate(self._layers))

    def add_link(self, link_obj):
        """Appends a link layer (same as :meth:`append`)."""
        if not isinstance(link_obj, link.Link):
            raise TypeError('cannot register a non-link object as a child')
        self.append(link_obj)

    def append(self, layer):
        """Adds a callable at the end."""
        self.insert(len(self._layers), layer)

    def extend(self, sequential):
        """Appends every layer of an iterable (e.g. another Sequential)."""
        for layer in sequential:
            self.append(layer)

    def insert(self, i, layer):
        """Inserts a callable before position ``i``.

        A link also joins the children, whose order (and so the keys of
        saved files, ``0/...``, ``1/...``) follows v5's rule rather than
        the layer order: a link inserted at ``i > 0`` goes right after
        the *first* link found before ``i`` (v5 scans backwards without
        stopping), counted as a layer position. So appending links
        ``A, B, C, D`` names them ``0, 3, 2, 1``; v5 snapshots use this
        layout (chainer issue #6053).
        """
        _check_callable(layer)
        if isinstance(layer, link.Link) and i > len(self._layers) + 1:
            # v5 fails here too (an index error while scanning).
            raise IndexError('list index out of range')
        self._layers.insert(i, layer)
        if not isinstance(layer, link.Link):
            return
        if i == 0:
            self._children.insert(0, layer)
        else:
            if i < 0:
                i += len(self._layers)
            position = 0
            for j in range(min(i, len(self._layers))):
                if isinstance(self._layers[j], link.Link):
                    position = j
                    break
            self._children.insert(position + 1, layer)
        self._rename_children()

    def remove(self, layer):
        """Removes the first occurrence of ``layer``."""
        if layer not in self._layers:
            raise ValueError(
                'There is no layer object that is same as {}'.format(layer))
        del self[self._layers.index(layer)]

    def remove_by_layer_type(self, type_name):
        """Removes every layer whose type name is ``type_name``.

        Args:
            type_name (str): A link's class name (e.g. ``'Linear'``) or a
                function's name (e.g. ``'relu'``).
        """
        for layer in [layer for layer in self._layers
                      if _type_name(layer) == type_name]:
            self.remove(layer)

    def pop(self, i=-1):
        """Removes and returns the layer at ``i`` (the last by default)."""
        layer = self._layers[i]
        del self[i]
        return layer

    def clear(self):
        """Removes all layers."""
        self._layers = []
        self._children = []

    def index(self, layer, start=None, end=None):
        """Returns the position of the first ``layer`` in ``[start:end]``."""
        positions = range(len(self._layers))[start:end]
        for position in positions:
            if self._layers[position] is layer or \
                    self._layers[position] == layer:
                return position
        raise ValueError('{} is not in Sequential'.format(layer))

    def count(self, layer):
        """Returns how many times ``layer`` appears."""
        return self._layers.count(layer)

    def count_by_layer_type(self, type_name):
        """Counts the layers whose type name is ``type_name``.

        Args:
            type_name (str): A link's class name (e.g. ``'Linear'``) or a
                function's name (e.g. ``'relu'``).
        """
        return sum(1 for layer in self._layers
                   if _type_name(layer) == type_name)

    def copy(self, mode='share'):
        """Copies each layer (links with :meth:`Link.copy`) into a new one."""
        _link_copy.check_copy_mode(mode)
        ret = Sequential()
        for layer in self._layers:
            if isinstance(layer, link.Link):
                ret.append(layer.copy(mode))
            else:
                ret.append(copy_module.copy(layer))
        return ret

    def flatten(self):
        """Returns a Sequential with nested Sequentials expanded in place."""
        ret = Sequential()
        for layer in self._layers:
            if isinstance(layer, Sequential):
                ret.extend(layer.flatten())
            else:
                ret.append(layer)
        return ret
