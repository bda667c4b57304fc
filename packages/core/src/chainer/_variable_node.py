"""``VariableNode``: the part of a Variable that lives in the graph."""
import weakref

import chainer


class VariableNode(object):

    """The graph-side half of a :class:`Variable`.

    A node stays in the graph after its Variable is gone; it keeps the
    array only when a function retained it for backward
    (:meth:`retain_data`).

    Attributes:
        dtype: Data type of the array.
        shape: Shape of the array.
        name (str): Name of the variable.
        requires_grad (bool): Whether gradients flow to this node.
    """

    __slots__ = ('_variable', '_creator_node', '_data', 'dtype', 'shape',
                 'name', '_requires_grad', '_rank', '__weakref__')

    def __init__(self, variable, name, **kwargs):
        if kwargs:
            chainer.utils.argument.check_unexpected_kwargs(
                kwargs, grad='unexpected keyword argument "grad": '
                'pass the gradient to chainer.Variable instead')
            chainer.utils.argument.assert_kwargs_empty(kwargs)
        self._variable = weakref.ref(variable)
        self._creator_node = None
        self._data = None
        self._rank = 0
        self.name = name
        self._requires_grad = variable.requires_grad
        data = variable._data
        if data is None:
            self.dtype = None
            self.shape = None
        else:
            self.dtype = data.dtype
            self.shape = data.shape

    @property
    def creator(self):
        """The creator function, as an old-style ``Function`` if it is one."""
        node = self._creator_node
        if node is None:
            return None
        if isinstance(node, chainer.function.FunctionAdapter):
            return node.function
        return node

    @creator.setter
    def creator(self, func):
        self.creator_node = func

    @property
    def creator_node(self):
        """The :class:`FunctionNode` that created this node, or ``None``."""
        return self._creator_node

    @creator_node.setter
    def creator_node(self, func):
        if isinstance(func, chainer.Function):
            func = func.node
        self._creator_node = func
        if func is not None:
            self._rank = func.rank + 1

    @property
    def data(self):
        """The array: the Variable's if alive, else the retained one."""
        return self._data

    @data.setter
    def data(self, d):
        self._data = d
        if d is not None:
            self.dtype = d.dtype
            self.shape = d.shape

    @property
    def grad(self):
        """The gradient array of the Variable (``None`` if it is gone)."""
        var = self._variable()
        return None if var is None else var.grad

    @property
    def grad_var(self):
        """The gradient Variable of the Variable (``None`` if gone)."""
        var = self._variable()
        return None if var is None else var._grad_var

    @property
    def label(self):
        """Short text with shape and dtype, used in graph drawings."""
        if self.shape == ():
            return str(self.dtype)
        return '(%s), %s' % (', '.join(map(str, self.shape)), self.dtype)

    @property
    def rank(self):
        return self._rank

    @property
    def requires_grad(self):
        return self._requires_grad

    def get_variable(self):
        """Returns the Variable of this node, rebuilding one if it is gone.

        A rebuilt Variable shares this node and holds the retained array.
        """
        var = self._variable()
        if var is not None:
            return var
        var = chainer.variable.Variable(
            self._data, name=self.name, requires_grad=self._requires_grad)
        var._node = self
        return var

    def get_variable_or_none(self):
        """Returns the Variable if it is alive, else ``None``."""
        return self._variable()

    def set_creator(self, creator):
        """Sets an old-style ``Function`` as the creator."""
        self.creator = creator

    def set_creator_node(self, creator_node):
        """Sets a :class:`FunctionNode` as the creator."""
        self.creator_node = creator_node

    def unchain(self):
        """Deletes the reference to the creator."""
        self._creator_node = None

    def retain_data(self):
        """Keeps a reference to the array so backward can use it."""
        var = self._variable()
        if var is None:
            raise RuntimeError('cannot retain variable data: the variable '
                               'has been already released')
        self._data = var._data

    def _set_data_type(self, d):
        if d is None:
            self.dtype = None
            self.shape = None
        else:
            self.dtype = d.dtype
            self.shape = d.shape
