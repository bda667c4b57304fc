"""``FunctionNode``: a node of the computational graph that computes."""
import collections
import traceback
import weakref

import numpy

import chainer
from chainer import _backprop
from chainer.backends import cuda
from chainer import configuration
from chainer import function_hook
from chainer.utils import type_check
from chainer import variable

_Variable = variable.Variable
_new_variable = variable._new_variable
_config_local = configuration.config._local
_global_config = configuration.global_config
_type_check_local = type_check._thread_local
_LightTypeInfoTuple = type_check.LightTypeInfoTuple
_hook_local = function_hook._thread_local
_weakref_ref = weakref.ref
_cuda_available = cuda.available  # fixed at import, like CuPy itself


class FunctionNode(object):

    """Function node of the computational graph.

    Subclasses implement :meth:`forward` (on arrays) and :meth:`backward`
    (on Variables, so that backward itself is differentiable), and call
    :meth:`retain_inputs` / :meth:`retain_outputs` in forward to keep the
    arrays backward needs. Apply a node once with :meth:`apply`.

    Attributes:
        inputs: Tuple of the input :class:`~chainer.variable.VariableNode`.
        outputs: Tuple of weak references to the output nodes.
        rank (int): Topological order (one more than the deepest input).
        stack: Stack trace where the node was applied (debug mode only).
    """

    inputs = None
    outputs = None
    rank = 0
    stack = None
    lazy_grad_sum = False
    _input_indexes_to_retain = None
    _output_indexes_to_retain = None
    _retained_output_data = None
    _local_function_hooks = None
    _supports_static_optimizations = False

    @property
    def local_function_hooks(self):
        """Ordered dictionary of hooks registered to this node only."""
        if self._local_function_hooks is None:
            self._local_function_hooks = collections.OrderedDict()
        return self._local_function_hooks

    @property
    def _n_local_function_hooks(self):
        hooks = self._local_function_hooks
        return 0 if hooks is None else len(hooks)

    @property
    def label(self):
        """Short name of the function (the class name by default)."""
        return self.__class__.__name__

    @property
    def output_data(self):
        """Tuple of retained output arrays (``None`` where not retained)."""
        if self._output_indexes_to_retain is None:
            raise RuntimeError('retained output data is gone')
        out_data = [None] * len(self.outputs)
        for index, data in zip(self._output_indexes_to_retain,
                               self._retained_output_data):
            out_data[index] = data
        return tuple(out_data)

    def apply(self, inputs):
        """Computes the outputs and, if needed, links them into the graph.

        Args:
            inputs: Tuple of :class:`~chainer.Variable` or arrays.
        Returns:
            Tuple of output :class:`~chainer.Variable` objects.
        """
        input_vars = [x if isinstance(x, _Variable) else _as_input(x)
                      for x in inputs]
        in_data = tuple([x._data for x in input_vars])
        requires_grad = False
        for x in input_vars:
            if x._requires_grad:
                requires_grad = True
                break
        # Read the three flags straight from the thread's config dict: this
        # runs for every operation, and LocalConfig.__getattr__ is slow.
        local = _config_local.__dict__
        enable_backprop = local.get('enable_backprop')
        if enable_backprop is None:
            enable_backprop = _global_config.enable_backprop
        type_check_on = local.get('type_check')
        if type_check_on is None:
            type_check_on = _global_config.type_check
        debug = local.get('debug')
        if debug is None:
            debug = _global_config.debug
        if type_check_on:
            # Inlined fast path of _check_data_type_forward (every call).
            tc_local = _type_check_local
            prev = tc_local.light_mode
            tc_local.light_mode = True
            try:
                self.check_type_forward(_LightTypeInfoTuple(in_data))
                ok = True
            except type_check.InvalidType:
                ok = False
            finally:
                tc_local.light_mode = prev
            if not ok:
                self._check_data_type_forward(in_data)

        hooks = _hook_local.function_hooks
        local_hooks = self._local_function_hooks
        if local_hooks:
            hooks = collections.OrderedDict(hooks)
            hooks.update(local_hooks)
        if hooks:
            hooks = hooks.values()
            for hook in hooks:
                hook.forward_preprocess(self, in_data)

        if _cuda_available and not isinstance(in_data[0] if in_data else
                                              None, numpy.ndarray):
            with cuda.get_device_from_array(*in_data):
                outputs = self.forward(in_data)
        else:
            outputs = self.forward(in_data)
        if type(outputs) is not tuple:
            raise TypeError('forward of %s must return a tuple of arrays, '
                            'got %s' % (self.label, type(outputs)))

        if hooks:
            for hook in hooks:
                hook.forward_postprocess(self, in_data)

        if debug:
            self.stack = traceback.extract_stack()
            _check_nan_in(self, outputs, 'forward')

        if not (requires_grad and enable_backprop):
            # No graph: outputs need no creator and nothing is retained.
            self._retained_output_data = None
            return tuple([_new_variable(y, False) for y in outputs])

        ret = tuple([_new_variable(y, True) for y in outputs])
        rank = 0
        in_nodes = []
        for x in input_vars:
            node = x._node
            in_nodes.append(node)
            if node._rank > rank:
                rank = node._rank
        self.rank = rank
        self.inputs = tuple(in_nodes)
        out_rank = rank + 1
        for y in ret:
            node = y._node
            node._creator_node = self
            node._rank = out_rank
        self.outputs = tuple([_weakref_ref(y._node) for y in ret])

        indexes = self._input_indexes_to_retain
        if indexes is not None:
            for index in indexes:
                x = input_vars[index]
                x._node._data = x._data
        indexes = self._output_indexes_to_retain
        if indexes is not None:
            self._retained_output_data = tuple(
                [outputs[index] for index in indexes])
            # The output Variable may die while its node lives on in the
            # graph; the node must then still hold the array.
            for index in indexes:
                ret[index]._node._data = outputs[index]
        return ret

    def _check_data_type_forward(self, in_data):
        # Fast path first: light mode evaluates the checks on the arrays
        # themselves. Only when it fails do we rerun in full mode, which
        # builds expressions for a message naming the failed condition.
        local = _type_check_local
        prev = local.light_mode
        local.light_mode = True
        try:
            self.check_type_forward(_LightTypeInfoTuple(in_data))
            return
        except type_check.InvalidType:
            pass
        finally:
            local.light_mode = prev
        in_type = type_check.get_types(in_data, 'in_types', False)
        with type_check.get_function_check_context(self):
            self.check_type_forward(in_type)

    def check_type_forward(self, in_types):
        """Checks input types before forward (override with expectations).

        Args:
            in_types (~chainer.utils.type_check.TypeInfoTuple): Input types.
        """
        pass

    def forward(self, inputs):
        """Computes the output arrays from the input arrays.

        Dispatches to :meth:`forward_cpu` or :meth:`forward_gpu` unless
        overridden. Must return a tuple of arrays.
        """
        assert len(inputs) > 0
        if isinstance(inputs[0], cuda.ndarray):
            return self.forward_gpu(inputs)
        return self.forward_cpu(inputs)

    def forward_cpu(self, inputs):
        """Forward on numpy arrays (override this or :meth:`forward`)."""
        raise NotImplementedError

    def forward_gpu(self, inputs):
        """Forward on cupy arrays (override this or :meth:`forward`)."""
        raise NotImplementedError

    def retain_inputs(self, indexes):
        """Keeps the given inputs for backward (call inside forward).

        Args:
            indexes (tuple of int): Indexes of inputs to keep.
        """
        self._input_indexes_to_retain = indexes

    def retain_outputs(self, indexes):
        """Keeps the given outputs for backward (call inside forward).

        Args:
            indexes (tuple of int): Indexes of outputs to keep.
        """
        self._output_indexes_to_retain = indexes

    def backward(self, target_input_indexes, grad_outputs):
        """Computes gradients of the inputs from those of the outputs.

        Args:
            target_input_indexes (tuple of int): Sorted indexes of the inputs
                that need gradients.
            grad_outputs (tuple of ~chainer.Variable): Output gradients;
                ``None`` for an output with no gradient.
        Returns:
            Tuple of Variables (or ``None``): either one per input or one per
            entry of ``target_input_indexes``.
        """
        return (None,) * len(target_input_indexes)

    def backward_accumulate(self, target_input_indexes, grad_outputs,
                            grad_inputs):
        """Computes gradients and adds them to the ones already computed.

        Args:
            target_input_indexes (tuple of int): Inputs needing gradients.
            grad_outputs (tuple of ~chainer.Variable): Output gradients.
            grad_inputs (tuple of ~chainer.Variable): Gradients accumulated
                so far for the target inputs (``None`` where there is none).
        Returns:
            Tuple of accumulated gradients, one per target input.
        """
        gxs = self.backward(target_input_indexes, grad_outputs)
        n_targets = len(target_input_indexes)
        len_gxs = len(gxs)
        if len_gxs == len(self.inputs):
            if len_gxs != n_targets:
                gxs = tuple([gxs[i] for i in target_input_indexes])
        elif len_gxs != n_targets:
            raise ValueError(
                'number of gradients returned by %s (%s) is incorrect.'
                % (self.label, self.__class__.__name__))
        if not any(g is not None for g in grad_inputs):
            return gxs
        return tuple([
            gx if g_input is None else
            g_input if gx is None else
            _backprop.add_grads(g_input, gx)
            for gx, g_input in zip(gxs, grad_inputs)])

    def get_retained_inputs(self):
        """Returns the retained inputs as Variables (in retained order)."""
        inputs = self.inputs
        if self._input_indexes_to_retain is None:
            return ()
        return tuple([inputs[index].get_variable()
                      for index in self._input_indexes_to_retain])

    def get_retained_outputs(self):
        """Returns the retained outputs as Variables (in retained order).

        An output whose Variable is gone is rebuilt from the retained array.
        """
        indexes = self._output_indexes_to_retain
        if indexes is None:
            return ()
        ret = []
        outputs = self.outputs
        new_outputs = list(outputs)
        modified = False
        for index, data in zip(indexes, self._retained_output_data):
            node = outputs[index]()
            if node is None:
                var = _Variable(data)
                var._node._creator_node = self
                var._node._rank = self.rank + 1
                new_outputs[index] = weakref.ref(var._node)
                modified = True
            else:
                var = node.get_variable()
            ret.append(var)
        if modified:
            self.outputs = tuple(new_outputs)
        return tuple(ret)

    def unchain(self):
        """Cuts this node off the graph (inputs forgotten, outputs orphaned).
        """
        for onode in self.outputs:
            y = onode()
            if y is not None:
                y.unchain()
        self.inputs = None

    def add_hook(self, hook, name=None):
        """Registers a :class:`~chainer.FunctionHook` on this node only."""
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
        """Unregisters the local hook of the given name."""
        if name in self.local_function_hooks:
            self.local_function_hooks[name].deleted(self)
            del self.local_function_hooks[name]
        else:
            raise KeyError('Hook %s does not exist' % name)

    def _get_error_message(self, message):
        lines = [message, '  function=%s' % self.label]
        if self.stack:
            lines.append('  stacktrace')
            lines.extend('    ' + line for line in
                         traceback.format_list(self.stack))
        return '\n'.join(lines)


def _as_input(x):
    if x is None:
        raise TypeError('None is not a valid input of a function')
    if isinstance(x, (numpy.number, float, int, bool)) and \
            not isinstance(x, numpy.ndarray):
        raise TypeError(
            'numpy.ndarray or cuda.ndarray are expected as inputs of a '
            'function.\nActual: %s' % type(x))
    return _Variable(x, requires_grad=False)


def _check_nan_in(func, arrays, which):
    for a in arrays:
        if a is None or a.dtype.kind != 'f':
            continue
        xp = chainer.backend.get_array_module(a)
        if xp.isnan(a).any():
            raise RuntimeError(func._get_error_message(
                'NaN is detected on %s computation of %s'
                % (which, func.label)))


from chainer._grad import grad  # NOQA  (v5: chainer.function_node.grad)
