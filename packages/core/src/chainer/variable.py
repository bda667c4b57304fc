"""Variables: arrays with gradients that remember how they were computed.

Ownership is one-way so that a graph is freed by reference counting as soon
as the last output Variable goes away: a ``Variable`` owns its
``VariableNode``; a node owns its creator ``FunctionNode``; a function owns
its input nodes and only weakly references its output nodes. Nothing points
back strongly, so there are no reference cycles.
"""
import warnings
import weakref

import numpy

import chainer
from chainer import _backprop
from chainer.backends import cuda
from chainer.backends import intel64
from chainer import configuration
from chainer._variable_node import VariableNode  # NOQA  (public here)
from chainer._variable_repr import variable_repr  # NOQA
from chainer._variable_repr import variable_str  # NOQA

VariableNode.__module__ = __name__  # documented as chainer.variable's

_ndarray_types = (numpy.ndarray, cuda.ndarray, intel64.mdarray)


def _check_array(data, what='data'):
    if data is not None and not isinstance(data, _ndarray_types):
        msg = ('numpy.ndarray or cuda.ndarray are expected as %s.\n'
               'Actual: %s' % (what, type(data)))
        if isinstance(data, (numpy.generic, float, int)):
            msg += ('\nA Python or numpy scalar must be wrapped in an array,'
                    ' e.g. numpy.array(%r, dtype=numpy.float32).' % data)
        raise TypeError(msg)


def _check_grad_type(var, grad):
    data = var._data
    if grad is None or data is None:
        return
    if not isinstance(grad, type(data)) and not (
            isinstance(grad, numpy.ndarray) and
            isinstance(data, numpy.ndarray)):
        raise TypeError('Type of data and grad mismatch\n%s != %s'
                        % (type(data), type(grad)))
    if grad.dtype != data.dtype:
        raise TypeError('Type of data and grad mismatch\n%s != %s'
                        % (data.dtype, grad.dtype))
    if grad.shape != data.shape:
        raise ValueError('Shape of data and grad mismatch\n%s != %s'
                         % (data.shape, grad.shape))
    if isinstance(data, cuda.ndarray) and \
            grad.device != data.device:
        raise ValueError('GPU device mismatch between data and grad:'
                         ' %s != %s' % (data.device, grad.device))


def _create_variable(data, name, grad, requires_grad):
    return Variable(data, name=name, grad=grad, requires_grad=requires_grad)


class Variable(object):

    """Array with a structure to keep track of computation.

    Every variable holds a data array of type either :class:`numpy.ndarray`
    or :class:`cupy.ndarray`. A variable created by a function keeps a
    reference to that function through its node, which is how backward
    finds its way to the inputs.

    Args:
        data (numpy.ndarray or cupy.ndarray): Initial data array.
        name (str): Name of the variable.
        grad (numpy.ndarray or cupy.ndarray): Initial gradient array.
        requires_grad (bool): If ``False``, no gradient is computed for it.

    Attributes:
        data: The data array (alias of :attr:`array`).
    """

    # Makes ``ndarray <op> Variable`` dispatch to Variable's reflected ops.
    __array_priority__ = 200

    # Slots make the many Variables created per step cheaper to build; the
    # ``__dict__`` slot keeps arbitrary user attributes working.
    __slots__ = ('_data', '_requires_grad', '_loss_scale', '_grad_var',
                 '_node', '__dict__', '__weakref__')

    def __init__(self, data=None, **kwargs):
        if kwargs:
            name, grad, requires_grad = _parse_variable_kwargs(kwargs)
        else:
            name = grad = None
            requires_grad = True
        if data is not None and type(data) is not numpy.ndarray:
            _check_array(data)
        self._data = data
        self._requires_grad = requires_grad
        self._loss_scale = None
        self._grad_var = None if grad is None else Variable(grad)
        self._node = VariableNode(self, name)
        if grad is not None:
            _check_grad_type(self, grad)

    def __copy__(self):
        return self._copy_to(Variable())

    def _copy_to(self, target):
        target.__dict__ = self.__dict__.copy()
        for name in ('_data', '_requires_grad', '_loss_scale', '_grad_var'):
            setattr(target, name, getattr(self, name))
        target._node = VariableNode(target, self.name)
        return target

    def __reduce__(self):
        return _create_variable, (self.array, self.name, self.grad,
                                  self._requires_grad)

    def __repr__(self):
        return variable_repr(self)

    def __str__(self):
        return variable_str(self)

    @property
    def xp(self):
        """``numpy`` or ``cupy`` depending on where the data lives."""
        if self._data is None:
            return None
        return chainer.backend.get_array_module(self._data)

    def summary(self):
        """Name, shape and dtype of the variable as a short string."""
        if self.name:
            return '<variable %s>' % self.name
        return '<variable at 0x%x>' % id(self)

    def debug_print(self):
        """Human-readable description of data and gradient statistics.

        As v5: seven lines always (``None`` fields when there is no data);
        the gradient reads ``0`` when it is all zeros.
        """
        def stats(a):
            xp = chainer.backend.get_array_module(a)
            with warnings.catch_warnings():
                # An empty array gives nan, as in v5, without the warning.
                warnings.simplefilter('ignore', RuntimeWarning)
                return 'mean=%.8f, std=%.8f' % (
                    float(xp.mean(a)), float(xp.std(a)))
        data = self._data
        if data is None:
            device = backend = shape = dtype = stat = None
        else:
            device = ('CPU' if isinstance(data, numpy.ndarray)
                      else getattr(data, 'device', 'CPU'))
            backend = type(data)
            shape = data.shape
            dtype = data.dtype
            stat = stats(data)
        grad = self.grad
        if grad is not None:
            xp = chainer.backend.get_array_module(grad)
            grad = 0 if bool(xp.all(grad == 0)) else stats(grad)
        return '\n'.join([
            self.summary(),
            '- device: %s' % (device,),
            '- backend: %s' % (backend,),
            '- shape: %s' % (shape,),
            '- dtype: %s' % (dtype,),
            '- statistics: %s' % (stat,),
            '- grad: %s' % (grad,),
        ])

    def __pos__(self):
        return self

    def __len__(self):
        """Length of the first axis (``TypeError`` for 0-dim)."""
        if self._data.ndim == 0:
            raise TypeError('len() of unsized object')
        return len(self._data)

    @property
    def label(self):
        """Short text with shape and dtype of the variable."""
        return self._node.label

    @property
    def name(self):
        return self._node.name

    @name.setter
    def name(self, n):
        self._node.name = n

    def set_creator(self, gen_func):
        """Sets an old-style ``Function`` as the creator."""
        self._node.set_creator(gen_func)

    def set_creator_node(self, fnode):
        """Sets a :class:`FunctionNode` as the creator."""
        self._node.set_creator_node(fnode)

    @property
    def node(self):
        """The :class:`VariableNode` of this variable."""
        return self._node

    @property
    def array(self):
        """The underlying data array."""
        return self._data

    @array.setter
    def array(self, d):
        _check_array(d)
        self._data = d
        self._node._set_data_type(d)

    data = array

    @property
    def grad(self):
        """The gradient array (``None`` if not computed)."""
        gv = self._grad_var
        return None if gv is None else gv._data

    @grad.setter
    def grad(self, g):
        if g is None:
            self._grad_var = None
            return
        _check_array(g, 'grad')
        _check_grad_type(self, g)
        self._grad_var = Variable(g)

    @property
    def grad_var(self):
        """The gradient as a Variable (keeps the graph of double backprop)."""
        return self._grad_var

    @grad_var.setter
    def grad_var(self, g):
        if g is not None:
            _check_grad_type(self, g.array)
        self._grad_var = g

    @property
    def shape(self):
        return self._data.shape

    @property
    def ndim(self):
        return self._data.ndim

    @property
    def size(self):
        return self._data.size

    @property
    def dtype(self):
        return self._data.dtype

    @property
    def rank(self):
        return self._node._rank

    @property
    def requires_grad(self):
        """Whether gradients are computed for this variable."""
        return self._requires_grad

    @property
    def creator(self):
        """The creator function (old-style ``Function`` if it is one)."""
        return self._node.creator

    @creator.setter
    def creator(self, func):
        self._node.creator = func

    @property
    def creator_node(self):
        """The :class:`FunctionNode` that created this variable."""
        return self._node._creator_node

    @creator_node.setter
    def creator_node(self, func):
        self._node.creator_node = func

    @property
    def T(self):
        """Transposition of this variable (all axes reversed)."""
        return chainer.functions.transpose(self)

    def to_cpu(self):
        """Moves data and gradient to the host in place."""
        data = self._data
        if data is None:
            return
        if isinstance(data, intel64.mdarray):
            self._data = numpy.array(data)
        else:
            self._data = cuda.to_cpu(data)
        gv = self._grad_var
        if gv is not None:
            gv._data = cuda.to_cpu(gv._data)
        self._sync_node_data()

    def to_gpu(self, device=None):
        """Moves data and gradient to a GPU in place."""
        data = self._data
        if data is None:
            self._initial_device = (device if device is not None
                                    else cuda.cupy.cuda.Device().id)
            return
        self._data = cuda.to_gpu(data, device)
        gv = self._grad_var
        if gv is not None:
            gv._data = cuda.to_gpu(gv._data, device)
        self._sync_node_data()

    def to_intel64(self):
        """Converts the data to an iDeep array when iDeep is usable."""
        intel64.check_ideep_available()
        data = self._data
        if data is not None and isinstance(data, numpy.ndarray) and \
                data.ndim in (1, 2, 4):
            self._data = intel64.ideep.array(
                data, itype=intel64.ideep.wgt_array)
        self._sync_node_data()

    def _sync_node_data(self):
        node = self._node
        if node._data is not None:
            node._data = self._data

    def cleargrad(self):
        """Clears the gradient (sets it to ``None``)."""
        self._grad_var = None

    def zerograd(self):
        """Initializes the gradient with zeros (deprecated; use cleargrad).

        .. deprecated:: v1.15
        """
        warnings.warn(
            'Variable.zerograd is deprecated. Use Variable.cleargrad instead.',
            DeprecationWarning)
        if self._data is None:
            return
        with cuda.get_device_from_array(self._data) as dev:
            gv = self._grad_var
            if gv is None:
                xp = numpy if int(dev) == -1 else cuda.cupy
                self.grad = xp.zeros_like(self._data)
            else:
                gv.unchain()
                gv._data.fill(0)

    def copydata(self, var):
        """Copies the data array from another Variable (across devices).

        An uninitialized side (a lazy Parameter) is initialized with the
        other's shape first.
        """
        src = var._data
        dst = self._data
        if src is None:
            if dst is None:
                return  # both uninitialized: nothing to copy (v5)
            var.initialize(dst.shape)
            src = var._data
        elif dst is None:
            self.initialize(src.shape)
            dst = self._data
        chainer.backend.copyto(dst, src)

    def addgrad(self, var):
        """Adds the gradient of another Variable to this one's gradient.

        The source gradient may live on another device; it is copied to
        this variable's device first.
        """
        src = var._grad_var
        if src is None:
            return
        if self._data is None:
            initialize = getattr(self, 'initialize', None)
            if initialize is None:
                raise RuntimeError('Cannot add gradient to an uninitialized '
                                   'variable')
            # v5: an uninitialized Parameter takes the source's shape (its
            # gradient comes from its grad initializer, NaN unless cleared).
            initialize(var.shape)
        src = src._data
        dst_device = cuda.get_device_from_array(self._data)
        if cuda.get_device_from_array(src) != dst_device:
            if int(dst_device) == -1:
                src = cuda.to_cpu(src)
            else:
                src = cuda.to_gpu(src, dst_device)
        dst = self.grad
        if dst is None:
            self.grad = src.copy()
        else:
            # A new array, as v5 (which adds the gradient Variables): an
            # array the caller kept from ``self.grad`` is left unchanged.
            with dst_device:
                self.grad = src + dst

    def backward(self, retain_grad=False, enable_double_backprop=False,
                 loss_scale=None):
        """Runs error backpropagation from this variable.

        The gradients of all leaf variables that lead to this one
        accumulate into their ``grad``. If this variable has no ``grad`` and
        holds a single element, its gradient is taken to be one.

        Args:
            retain_grad (bool): Keep gradients of intermediate variables.
            enable_double_backprop (bool): Build the graph of backward so
                that gradients can be differentiated again.
            loss_scale (float): Scale the initial gradient by this factor;
                optimizers divide it out again (for float16 training).
        """
        data = self._data
        if self._grad_var is None and data is not None and \
                data.size == 1 and data.ndim != 0 and \
                self._node._creator_node is not None:
            warnings.warn(
                'Treating a scalar as a variable with only one element in '
                'Variable.backward is deprecated. Make the loss 0-dim '
                '(e.g. with chainer.functions.squeeze), or set its grad '
                'explicitly if it has one element by accident.',
                DeprecationWarning)
        with configuration.using_config('enable_backprop',
                                        enable_double_backprop):
            _backprop.backward_from(self, retain_grad, loss_scale)

    def reshape(self, *shape):
        """Returns a reshaped variable (``F.reshape``)."""
        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = shape[0]
        return chainer.functions.reshape(self, shape)

    def transpose(self, *axes):
        """Returns a transposed variable (``F.transpose``)."""
        if len(axes) == 0:
            axes = None
        elif len(axes) == 1 and (isinstance(axes[0], (tuple, list)) or
                                 axes[0] is None):
            axes = axes[0]
        return chainer.functions.transpose(self, axes)

    def unchain(self):
        """Deletes the reference to the creator of this variable."""
        self._node._creator_node = None

    def unchain_backward(self):
        """Deletes references between variables and functions backward.

        After this, the graph behind this variable is cut everywhere, so
        its memory can be freed.
        """
        cand_funcs = []
        seen_set = set()

        def add_cand(cand):
            if cand is not None and cand not in seen_set:
                cand_funcs.append(cand)
                seen_set.add(cand)

        add_cand(self.creator_node)
        while cand_funcs:
            func = cand_funcs.pop()
            for var in func.inputs:
                add_cand(var.creator_node)
            func.unchain()

    def retain_data(self):
        """Lets the node keep the data array after the variable is gone."""
        self._node._data = self._data

    def __lt__(self, other):
        raise NotImplementedError()

    def __le__(self, other):
        raise NotImplementedError()

    def __eq__(self, other):
        raise NotImplementedError()

    def __ne__(self, other):
        raise NotImplementedError()

    def __gt__(self, other):
        raise NotImplementedError()

    def __ge__(self, other):
        raise NotImplementedError()

    def __nonzero__(self):
        raise NotImplementedError()

    def __bool__(self):
        raise NotImplementedError()

    __hash__ = object.__hash__

    def __getitem__(self, slices):
        return chainer.functions.get_item(self, slices)


def _parse_variable_kwargs(kwargs):
    if 'volatile' in kwargs:
        raise ValueError(
            'volatile argument is not supported anymore. '
            'Use chainer.using_config')
    name = kwargs.pop('name', None)
    grad = kwargs.pop('grad', None)
    requires_grad = kwargs.pop('requires_grad', True)
    if kwargs:
        raise TypeError('Variable() got unexpected keyword arguments: %s'
                        % ', '.join(sorted(kwargs)))
    return name, grad, requires_grad


_object_new = object.__new__
_weakref = weakref.ref


def _new_variable(data, requires_grad):
    """Fast constructor for function outputs (data is a valid array)."""
    if data is not None and not isinstance(data, _ndarray_types):
        _check_array(data, 'an output of a function')
    v = _object_new(Variable)
    v._data = data
    v._requires_grad = requires_grad
    v._loss_scale = None
    v._grad_var = None
    node = _object_new(VariableNode)
    node._variable = _weakref(v)
    node._creator_node = None
    node._data = None
    node._rank = 0
    node.name = None
    node._requires_grad = requires_grad
    node.dtype = data.dtype
    node.shape = data.shape
    v._node = node
    return v


def as_variable(obj):
    """Wraps an array in a Variable that needs no gradient.

    A Variable is returned as it is.

    Args:
        obj (numpy.ndarray or cupy.ndarray or ~chainer.Variable): The value.
    Returns:
        ~chainer.Variable
    """
    if isinstance(obj, Variable):
        return obj
    return Variable(obj, requires_grad=False)


from chainer._parameter import Parameter  # NOQA  (defined on Variable)
