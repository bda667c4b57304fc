"""``chainer.Parameter``: a Variable that a Link owns and optimizers update."""
import numpy

import chainer
from chainer.backends import cuda
from chainer import variable


def _initializers():
    # Lazy: initializers import chainer (which imports this module).
    from chainer import initializers
    return initializers


class Parameter(variable.Variable):

    """Parameter variable that can be registered to a link.

    A parameter may be created without data; it is then *uninitialized*
    until :meth:`initialize` is called with a shape (links do so on the
    first forward when an input size is lazy).

    Args:
        initializer: An initializer (callable that fills an array), an
            array (used as the initial data), a scalar (constant fill), or
            ``None`` (filled with NaN, to catch use before assignment).
        shape (int or tuple of ints): If given, the parameter is
            initialized right away with this shape.
        name (str): Name of the parameter.

    Attributes:
        initializer: The initializer used by :meth:`initialize`.
        update_rule: An :class:`~chainer.UpdateRule` set by the optimizer.
    """

    initializer = None
    _grad_initializer = None
    _initial_device = None

    def __init__(self, initializer=None, shape=None, name=None):
        inits = _initializers()
        if initializer is None:
            initializer = inits.NaN()
        elif numpy.isscalar(initializer):
            initializer = inits.Constant(initializer)
        is_array = isinstance(initializer, (numpy.ndarray, cuda.ndarray))
        if shape is None:
            if is_array:
                super(Parameter, self).__init__(initializer, name=name)
            else:
                super(Parameter, self).__init__(name=name)
                dtype = getattr(initializer, 'dtype', None)
                self._grad_initializer = inits.NaN(dtype)
        else:
            if is_array:
                initializer = inits.Constant(initializer)
            data = inits.generate_array(initializer, shape, numpy)
            grad = numpy.full_like(data, numpy.nan)
            super(Parameter, self).__init__(data, name=name, grad=grad)
        # Kept in every case: Link.copy(mode='init') re-initializes from it.
        self.initializer = initializer
        self.update_rule = None

    def __copy__(self):
        return self._copy_to(Parameter())

    def __reduce__(self):
        return _recover_parameter, (self.array, self.name, self.grad,
                                    self.initializer, self.update_rule)

    def to_cpu(self):
        super(Parameter, self).to_cpu()
        if self._data is None:
            self._initial_device = None

    def to_gpu(self, device=None):
        super(Parameter, self).to_gpu(device)
        if self._data is None:
            if device is None:
                device = cuda.cupy.cuda.Device().id
            self._initial_device = device

    def to_intel64(self):
        super(Parameter, self).to_intel64()

    def cleargrad(self):
        super(Parameter, self).cleargrad()
        if self._data is None:
            self._grad_initializer = None

    def zerograd(self):
        super(Parameter, self).zerograd()
        if self._data is None:
            dtype = getattr(self.initializer, 'dtype', None)
            self._grad_initializer = _initializers().Zero(dtype)

    @property
    def dtype(self):
        """The dtype, known from the initializer even before init."""
        if self._data is not None:
            return self._data.dtype
        dtype = getattr(self.initializer, 'dtype', None)
        return chainer.get_dtype(dtype)

    def initialize(self, shape):
        """Creates the data (and a gradient array) of the given shape.

        Args:
            shape (tuple of ints): Shape of the data array.
        """
        inits = _initializers()
        device = self._initial_device
        xp = numpy if device is None else cuda.cupy
        initializer = self.initializer
        if isinstance(initializer, (numpy.ndarray, cuda.ndarray)):
            initializer = inits.Constant(initializer)  # the initial array
        with cuda.get_device_from_id(device):
            data = inits.generate_array(initializer, shape, xp)
            ginit = self._grad_initializer
            grad = None if ginit is None else inits.generate_array(
                ginit, shape, xp)
        self.array = data
        self.grad = grad

    def is_initialized(self):
        return self._data is not None

    def update(self):
        """Updates the data with its update rule, if one is set."""
        if self.update_rule is not None:
            self.update_rule.update(self)


def _recover_parameter(data, name, grad, initializer, update_rule):
    p = Parameter(initializer=initializer, name=name)
    p.array = data
    p.grad = grad
    p.update_rule = update_rule
    return p
