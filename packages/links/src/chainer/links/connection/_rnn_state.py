"""State handling shared by the stateful recurrent links."""
from chainer.backends import cuda
from chainer import variable


def move_state(link, names, to_gpu, device=None):
    """Moves the state variables ``names`` of ``link`` across devices."""
    for name in names:
        state = getattr(link, name, None)
        if state is not None:
            if to_gpu:
                state.to_gpu(device)
            else:
                state.to_cpu()


def to_link_device(link, state):
    """Puts a state variable on the device of ``link``."""
    if not isinstance(state, variable.Variable):
        raise TypeError(
            'the state must be a chainer.Variable, got %s' % type(state))
    if link.xp is cuda.cupy:
        state.to_gpu(link._device_id)
    else:
        state.to_cpu()
    return state


def zeros(link, shape, dtype):
    """A zero state variable on the device of ``link``."""
    with cuda.get_device_from_id(link._device_id):
        return variable.Variable(link.xp.zeros(shape, dtype=dtype))


def split_gates(F, lstm_in, n_units):
    """Splits interleaved LSTM gate inputs into ``a, i, f, o``."""
    r = F.reshape(lstm_in, (lstm_in.shape[0], n_units, 4))
    return [F.reshape(g, (lstm_in.shape[0], n_units))
            for g in F.split_axis(r, 4, axis=2)]
