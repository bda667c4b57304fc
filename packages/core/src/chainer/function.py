"""Old-style ``Function`` (array in, array out) and backprop mode switches."""
import weakref

import chainer
from chainer.backends import cuda
from chainer import configuration
from chainer import function_hook
from chainer import function_node
from chainer.utils import type_check
from chainer import variable


def no_backprop_mode():
    """Context manager that disables graph construction (``enable_backprop``
    is ``False`` in the block).

    >>> x = chainer.Variable(numpy.array([1.], 'f'))
    >>> with chainer.no_backprop_mode():
    ...     y = x + 1
    >>> y.creator is None
    True
    """
    return configuration.using_config('enable_backprop', False)


def force_backprop_mode():
    """Context manager that enables graph construction even inside
    :func:`no_backprop_mode`."""
    return configuration.using_config('enable_backprop', True)


class FunctionAdapter(function_node.FunctionNode):

    """Adapts an old-style :class:`Function` to the FunctionNode protocol.

    Backward of an old-style function works on arrays, so it cannot be
    differentiated again.

    Args:
        function (Function): The function to adapt.
    """

    def __init__(self, function):
        super(FunctionAdapter, self).__init__()
        self._function = function

    @property
    def function(self):
        """The adapted :class:`Function`."""
        return self._function

    @property
    def label(self):
        return self._function.label

    @property
    def _impl_name(self):
        return self._function.__class__.__name__

    def check_type_forward(self, in_types):
        self._function.check_type_forward(in_types)

    def forward(self, inputs):
        # Old-style functions keep every input and output unless told so.
        self.retain_inputs(tuple(range(len(inputs))))
        outputs = self._function.forward(inputs)
        if not isinstance(outputs, tuple):
            raise TypeError('forward of %s must return a tuple of arrays'
                            % self.label)
        func = self._function
        if func._input_indexes_to_retain is not None:
            self.retain_inputs(func._input_indexes_to_retain)
        retained = func._output_indexes_to_retain
        if retained is None:
            retained = tuple(range(len(outputs)))
        self.retain_outputs(retained)
        return outputs

    def backward(self, target_input_indexes, grad_outputs):
        in_data = tuple([x.data for x in self.inputs])
        grad_out_data = tuple([None if g is None else g.data
                               for g in grad_outputs])
        with cuda.get_device_from_array(*(in_data + grad_out_data)):
            gxs = self._function.backward(in_data, grad_out_data)
        if not isinstance(gxs, tuple):
            raise TypeError('backward of %s must return a tuple'
                            % self.label)
        if len(gxs) != len(in_data):
            raise ValueError(
                'number of gradients returned by %s (%d) does not match '
                'the number of inputs (%d)' % (self.label, len(gxs),
                                              len(in_data)))
        ret = []
        for i in target_input_indexes:
            gx = gxs[i]
            if gx is None:
                ret.append(None)
                continue
            x = self.inputs[i]
            if x.shape != gx.shape:
                # v5 accepts a gradient that only broadcasts to the input.
                gx = chainer.utils.force_array(
                    chainer.backend.get_array_module(gx).broadcast_to(
                        gx, x.shape))
            ret.append(variable.Variable(gx, requires_grad=False))
        return tuple(ret)


class Function(object):

    """Old-style differentiable function (arrays in, arrays out).

    Implement :meth:`forward` (or ``forward_cpu``/``forward_gpu``) and
    :meth:`backward` (or ``backward_cpu``/``backward_gpu``) on arrays; call
    an instance on Variables to apply it. Each call creates a new
    :class:`FunctionAdapter` node, so instances can be reused.
    """

    _node = None
    _input_indexes_to_retain = None
    _output_indexes_to_retain = None
    _owned_node = None

    def __call__(self, *inputs):
        node = self.node
        # A Function object can be called again; each call needs its own
        # graph node, which keeps a strong reference to this object.
        self._owned_node = None
        node._function = self
        node._local_function_hooks = self._local_function_hooks
        ret = node.apply(inputs)
        if len(ret) == 1:
            return ret[0]
        return ret

    _local_function_hooks = None

    @property
    def inputs(self):
        """Input variables of the last application."""
        return tuple([x.get_variable() for x in self.node.inputs])

    @property
    def outputs(self):
        """Weak references to the outputs of the last application."""
        return tuple([weakref.ref(y().get_variable()) if y() is not None
                      else (lambda: None) for y in self.node.outputs])

    @property
    def node(self):
        """The :class:`FunctionAdapter` of this function."""
        noderef = self._node
        nd = noderef() if noderef is not None else self._owned_node
        if nd is None:
            nd = FunctionAdapter(self)
            self._owned_node = nd
            self._node = weakref.ref(nd)
        return nd

    @property
    def local_function_hooks(self):
        """Hooks registered to this function only."""
        if self._local_function_hooks is None:
            import collections
            self._local_function_hooks = collections.OrderedDict()
        return self._local_function_hooks

    @property
    def label(self):
        """Short name of the function (the class name by default)."""
        return self.__class__.__name__

    @property
    def output_data(self):
        """Retained output arrays of the last application."""
        return self.node.output_data

    @property
    def rank(self):
        return self.node.rank

    @property
    def stack(self):
        return self.node.stack

    def check_type_forward(self, in_types):
        """Checks the input types (override with ``type_check.expect``)."""
        pass

    def forward(self, inputs):
        """Applies forward on arrays; dispatches to CPU or GPU versions."""
        if any(isinstance(x, cuda.ndarray) for x in inputs):
            return self.forward_gpu(inputs)
        return self.forward_cpu(inputs)

    def forward_cpu(self, inputs):
        raise NotImplementedError()

    def forward_gpu(self, inputs):
        raise NotImplementedError()

    def backward(self, inputs, grad_outputs):
        """Computes input gradients from output gradients, on arrays.

        Returns ``None`` per input by default (no gradient).
        """
        if any(isinstance(x, cuda.ndarray) for x in inputs + grad_outputs):
            return self.backward_gpu(inputs, grad_outputs)
        return self.backward_cpu(inputs, grad_outputs)

    def backward_cpu(self, inputs, grad_outputs):
        return tuple(None for _ in inputs)

    def backward_gpu(self, inputs, grad_outputs):
        return tuple(None for _ in inputs)

    def unchain(self):
        """Cuts the graph at this function's last application."""
        self.node.unchain()

    def add_hook(self, hook, name=None):
        """Registers a :class:`~chainer.FunctionHook` to this function."""
        if not isinstance(hook, function_hook.FunctionHook):
            raise TypeError('Hook must be of type FunctionHook')
        if name is None:
            name = hook.name
        hooks = self.local_function_hooks
        if name in hooks:
            raise KeyError('Hook %s already exists' % name)
        hooks[name] = hook
        hook.added(self)

    def delete_hook(self, name):
        """Unregisters a hook of this function by name."""
        if name not in self.local_function_hooks:
            raise KeyError('Hook %s does not exist' % name)
        self.local_function_hooks[name].deleted(self)
        del self.local_function_hooks[name]

    def retain_inputs(self, indexes):
        """Keeps only the given inputs for backward (call in forward)."""
        self._input_indexes_to_retain = indexes

    def retain_outputs(self, indexes, retain_after_backward=False):
        """Keeps only the given outputs for backward (call in forward)."""
        self._output_indexes_to_retain = indexes


# Keeps ``type_check`` importable as ``chainer.function.type_check`` (v5).
type_check = type_check
