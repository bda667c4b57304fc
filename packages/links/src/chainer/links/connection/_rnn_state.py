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


class StatefulMixin(object):

    """``to_cpu``, ``to_gpu`` and ``reset_state`` of a stateful link.

    The state is the variables named by ``_state_names``: kept between
    calls, ``None`` until the first call or after a reset, and moved with
    the link between devices. Put the mixin before the link class.
    """

    _state_names = ()

    def to_cpu(self):
        super(StatefulMixin, self).to_cpu()
        move_state(self, self._state_names, False)
        return self

    def to_gpu(self, device=None):
        super(StatefulMixin, self).to_gpu(device)
        move_state(self, self._state_names, True, device)
        return self

    def reset_state(self):
        """Resets the internal state to ``None``."""
        for name in self._state_names:
            setattr(self, name, None)


class CellStateMixin(StatefulMixin):

    """The state ``c`` (cell) and ``h`` (output) of the stateful LSTMs."""

    _state_names = ('c', 'h')

    def set_state(self, c, h):
        """Sets the internal state.

        Args:
            c (~chainer.Variable): New cell state.
            h (~chainer.Variable): New output at the previous step.
        """
        self.c = to_link_device(self, c)
        self.h = to_link_device(self, h)


class HiddenStateMixin(StatefulMixin):

    """The one state ``h`` of the stateful GRU and MGU."""

    _state_names = ('h',)

    def set_state(self, h):
        """Sets the internal state ``h`` (a :class:`~chainer.Variable`)."""
        self.h = to_link_device(self, h)


def split_gates(F, lstm_in, n_units):
    """Splits interleaved LSTM gate inputs into ``a, i, f, o``."""
    r = F.reshape(lstm_in, (lstm_in.shape[0], n_units, 4))
    return [F.reshape(g, (lstm_in.shape[0], n_units))
            for g in F.split_axis(r, 4, axis=2)]
