import chainer
from chainer.backends import cuda
from chainer import function_node
from chainer.utils import type_check


def _device_id(x):
    # -1 is the host, as in v5.
    if isinstance(x, cuda.ndarray):
        return int(x.device.id)
    return -1


def _to_device(x, device):
    device = int(getattr(device, 'id', device))
    if device < 0:
        if _device_id(x) < 0:
            # Always a real copy, so the output never aliases the input.
            return x.copy()
        return cuda.to_cpu(x)
    if _device_id(x) == device:
        return x.copy()
    return cuda.to_gpu(x, device)


class Copy(function_node.FunctionNode):

    """Copies an array to a device (``-1`` for the host)."""

    def __init__(self, in_device, out_device):
        self._in_device = in_device
        self.out_device = out_device

    def check_type_forward(self, in_types):
        type_check.argname(in_types, ('x',))

    def forward(self, inputs):
        x, = inputs
        return _to_device(x, self.out_device),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        f = Copy(self.out_device, self._in_device)
        return f.apply((gy,))


def copy(x, dst):
    """Copies the input variable onto the specified device.

    Copies from host to host, host to device, device to device and device
    to host are supported; the gradient is copied back to the device of
    ``x``.

    Args:
        x (~chainer.Variable or ndarray): Variable to be copied.
        dst (int): Target device specifier; ``-1`` is the host memory.

    Returns:
        ~chainer.Variable: Output variable on device ``dst``.

    .. admonition:: Example

        >>> x = np.random.uniform(-1, 1, (5, 10))
        >>> y = F.copy(x, -1)
        >>> np.array_equal(y.array, x), y.array is x
        (True, False)

    """
    if isinstance(x, chainer.Variable):
        in_device = _device_id(x.array)
    else:
        in_device = _device_id(x)
    y, = Copy(in_device, dst).apply((x,))
    return y
