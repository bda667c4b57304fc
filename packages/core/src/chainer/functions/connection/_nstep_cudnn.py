"""cuDNN path of the n_step RNNs, through ``cupy.cudnn``.

:class:`CudnnNStepRNN` takes the inputs and gives the outputs of
:class:`~chainer.functions.connection._nstep_rnn.NStepRNN`.  cuDNN wants
all matrices and biases in one weight buffer whose layout it chooses;
``get_rnn_lin_layer_*_params`` tell where each ``ws[k][j]`` and
``bs[k][j]`` go (the v5 order is cuDNN's own: ``j`` is cuDNN's linear
layer id, ``k`` its pseudo-layer).  That layout depends only on the
network's shape, so it is found once per shape and kept as one index
array: packing is a single scatter and unpacking the weight gradient a
single gather.

cuDNN applies dropout to the inputs of the layers above the first only,
as v5 (and the CuPy/numpy path) do; its masks are its own.
Double backprop recomputes the graph as NStepRNN does, which needs the
dropout masks: it works when no dropout was applied, and raises
otherwise (cuDNN keeps its masks private).
"""
import numpy

from chainer.backends import cuda
from chainer import backend
from chainer import configuration
from chainer.functions.connection import _nstep_rnn


def usable(x):
    """Whether the n_step RNN on array ``x`` should run on cuDNN."""
    return cuda._cudnn_usable(x, '>=auto', 5000)


def _address(a):
    # CuPy arrays carry a device pointer; the numpy arrays that CPU tests
    # pass to a stand-in of cupy.cudnn carry a host one.
    data = a.data
    return data.ptr if hasattr(data, 'ptr') else a.ctypes.data


# (cudnn mode, n_layers, n_dirs, n_in, n_units, dtype) -> (buffer size,
# index array into the buffer, sizes of the flattened ws and bs entries).
_layouts = {}


class CudnnNStepRNN(_nstep_rnn.NStepRNN):

    """NStepRNN computed by cuDNN's RNN kernels."""

    def _descriptors(self, dtype):
        lib = cuda.libcudnn
        direction = (lib.CUDNN_BIDIRECTIONAL if self.n_dirs == 2
                     else lib.CUDNN_UNIDIRECTIONAL)
        return direction, getattr(lib, self.cell.cudnn_mode)

    def _layout(self, ws, bs, x0, states):
        """The buffer size and where the flattened ``ws + bs`` go in it."""
        dtype = x0.dtype
        n_units = ws[self.cell.n_gates].shape[0]
        key = (self.cell.cudnn_mode, self.n_layers, self.n_dirs,
               x0.shape[1], n_units, dtype.char)
        layout = _layouts.get(key)
        if layout is not None:
            return layout
        cudnn, lib = cuda.cudnn, cuda.libcudnn
        xp = backend.get_array_module(x0)
        direction, mode = self._descriptors(dtype)
        handle = cudnn.get_handle()
        rnn_desc = cudnn.create_rnn_descriptor(
            n_units, self.n_layers, states._desc, lib.CUDNN_LINEAR_INPUT,
            direction, mode, cudnn.get_data_type(dtype))
        # One time step of input, as the (B, I, 1) tensor cuDNN expects.
        x_desc = cudnn.create_tensor_nd_descriptor(
            xp.ascontiguousarray(x0[:1])[..., None])
        n_bytes = lib.getRNNParamsSize(handle, rnn_desc.value, x_desc.value,
                                       cudnn.get_data_type(dtype))
        w = xp.empty((n_bytes // dtype.itemsize, 1, 1), dtype)
        w_desc = cudnn.create_filter_descriptor(w)
        base = _address(w)
        starts = []
        for get in (cudnn.get_rnn_lin_layer_matrix_params,
                    cudnn.get_rnn_lin_layer_bias_params):
            for k in range(self.n_layers * self.n_dirs):
                for j in range(self.n_ws):
                    part = get(handle, rnn_desc, k, x_desc, w_desc, w, j)
                    starts.append((_address(part) - base) // dtype.itemsize)
        sizes = [a.size for a in list(ws) + list(bs)]
        index = numpy.concatenate(
            [numpy.arange(s, s + n) for s, n in zip(starts, sizes)])
        layout = (w.shape, xp.asarray(index), sizes)
        _layouts[key] = layout
        return layout

    def forward(self, inputs):
        hx, cx, ws, bs, xs = self._split(inputs)
        xp = backend.get_array_module(hx)
        dtype = hx.dtype
        self.retain_inputs(tuple(range(len(inputs))))
        self._lengths = [len(x) for x in xs]
        self._offs = numpy.concatenate(
            [[0], numpy.cumsum(self._lengths)]).astype(int)
        self._masks = [None] * self.n_layers
        self._ratio = self.dropout_ratio if self.train else 0.
        self._states = cuda.get_cudnn_dropout_states()
        self._states.set_dropout_ratio(self._ratio)
        self._layout_info = self._layout(ws, bs, xs[0], self._states)
        shape, index, _ = self._layout_info
        w = xp.zeros(shape, dtype)
        w.reshape(-1)[index] = xp.concatenate(
            [a.astype(dtype, copy=False).ravel() for a in ws + bs])
        x = xp.ascontiguousarray(xp.concatenate(xs, axis=0).astype(
            dtype, copy=False))
        direction, mode = self._descriptors(dtype)
        args = (self._states, direction, mode, xp.ascontiguousarray(hx),
                None if cx is None else xp.ascontiguousarray(cx), w, x,
                self._lengths)
        if configuration.config.enable_backprop:
            reserve, hy, cy, y = cuda.cudnn.rnn_forward_training(*args)
            self._saved = (args, y, reserve)
        else:
            hy, cy, y = cuda.cudnn.rnn_forward_inference(*args)
        offs = self._offs
        ys = tuple(y[offs[t]:offs[t + 1]] for t in range(len(xs)))
        head = (hy, cy) if cx is not None else (hy,)
        return head + ys

    def _grad_arrays(self, gouts, need_dx):
        (states, direction, mode, hx, cx, w, x, lengths), y, reserve = \
            self._saved
        xp = backend.get_array_module(hx)
        n_st = 2 if cx is not None else 1
        dhy = gouts[0] if gouts[0] is not None else xp.zeros_like(hx)
        dcy = None
        if cx is not None:
            dcy = gouts[1] if gouts[1] is not None else xp.zeros_like(cx)
        dy = xp.zeros_like(y)
        offs = self._offs
        for t, g in enumerate(gouts[n_st:]):
            if g is not None:
                dy[offs[t]:offs[t + 1]] = g
        # The dropout descriptor must hold forward's ratio again (another
        # RNN may have changed it), and cuDNN needs the data gradient
        # before the weight gradient (both read the reserve space).
        states.set_dropout_ratio(self._ratio)
        dhx, dcx, dx = cuda.cudnn.rnn_backward_data(
            states, direction, mode, hx, cx, w, x, y, reserve,
            xp.ascontiguousarray(dhy.astype(hx.dtype, copy=False)),
            None if dcy is None
            else xp.ascontiguousarray(dcy.astype(hx.dtype, copy=False)),
            dy, lengths)
        dw = cuda.cudnn.rnn_backward_weights(
            states, direction, mode, x, hx, y, w, reserve, lengths)
        _, index, sizes = self._layout_info
        flat = dw.reshape(-1)[index]
        inputs = [v._data for v in self.inputs]
        _, _, ws, bs, xs = self._split(inputs)
        grads = []
        start = 0
        for a, n in zip(list(ws) + list(bs), sizes):
            grads.append(flat[start:start + n].reshape(a.shape).astype(
                a.dtype, copy=False))
            start += n
        gxs = [dx[offs[t]:offs[t + 1]].astype(xt.dtype, copy=False)
               for t, xt in enumerate(xs)]
        head = [dhx] + ([dcx] if cx is not None else [])
        return head + grads + gxs

    def backward(self, indexes, grad_outputs):
        if self._ratio > 0:
            raise RuntimeError(
                'double backprop through an n_step RNN run by cuDNN with '
                'dropout is not supported (cuDNN keeps its dropout masks); '
                "run it with chainer.using_config('use_cudnn', 'never')")
        return super(CudnnNStepRNN, self).backward(indexes, grad_outputs)
