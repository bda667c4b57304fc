"""Stacked RNNs over variable-length sequences (``NStepRNNTanh``, ...).

The parameters of layer ``k`` (direction ``d``) are the child link number
``k * n_directions + d``, holding ``w0, w1, ...`` and ``b0, b1, ...`` as
v5 names them, so v5 snapshots load.
"""
import numpy

from chainer.backends import cuda
import chainer.functions
from chainer import initializers
from chainer import link
from chainer.utils import argument
from chainer import variable


def argsort_list_descent(lst):
    """Indices that sort the sequences ``lst`` by decreasing length."""
    return numpy.argsort([-len(x) for x in lst], kind='stable').astype('i')


def permutate_list(lst, indices, inv):
    """Reorders a list by ``indices`` (or by their inverse)."""
    ret = [None] * len(lst)
    if inv:
        for i, ind in enumerate(indices):
            ret[ind] = lst[i]
    else:
        for i, ind in enumerate(indices):
            ret[i] = lst[ind]
    return ret


class NStepRNNBase(link.ChainList):

    """Base of the stacked RNN links over variable-length sequences.

    Subclasses set ``n_weights`` (weights per layer and direction; the
    first half reads the layer input, the rest the hidden state),
    ``use_bi_direction`` and implement :meth:`rnn`. Each weight ``w{j}``
    is ``(out_size, n_in)`` with :class:`~chainer.initializers.Normal`
    of scale :math:`\\sqrt{1 / n_{in}}`, each bias ``b{j}`` is zero.

    Args:
        n_layers (int): Number of layers.
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the hidden states.
        dropout (float): Dropout ratio of the inputs of the layers above
            the first (training only).
    """

    n_weights = None
    use_bi_direction = False

    def __init__(self, n_layers, in_size, out_size, dropout, **kwargs):
        if kwargs:
            argument.check_unexpected_kwargs(
                kwargs,
                use_cudnn='use_cudnn argument is not supported anymore. '
                          'Use chainer.using_config',
                use_bi_direction='use_bi_direction is not supported '
                                 'anymore',
                activation='activation is not supported anymore')
            argument.assert_kwargs_empty(kwargs)

        direction = 2 if self.use_bi_direction else 1
        layers = []
        for i in range(n_layers):
            for _ in range(direction):
                layer = link.Link()
                with layer.init_scope():
                    for j in range(self.n_weights):
                        if j >= self.n_weights // 2:
                            w_in = out_size
                        elif i == 0:
                            w_in = in_size
                        else:
                            w_in = out_size * direction
                        setattr(layer, 'w%d' % j, variable.Parameter(
                            initializers.Normal(numpy.sqrt(1. / w_in)),
                            (out_size, w_in)))
                        setattr(layer, 'b%d' % j,
                                variable.Parameter(0, (out_size,)))
                layers.append(layer)
        super(NStepRNNBase, self).__init__(*layers)

        self.n_layers = n_layers
        self.dropout = dropout
        self.out_size = out_size
        self.direction = direction

    @property
    def ws(self):
        """Weights of each layer and direction, ``[[w0, w1, ...], ...]``."""
        return [[getattr(layer, 'w%d' % j) for j in range(self.n_weights)]
                for layer in self]

    @property
    def bs(self):
        """Biases of each layer and direction, ``[[b0, b1, ...], ...]``."""
        return [[getattr(layer, 'b%d' % j) for j in range(self.n_weights)]
                for layer in self]

    @property
    def n_cells(self):
        """Number of state arrays (2 for LSTMs, 1 otherwise)."""
        return 1

    def init_hx(self, xs):
        """A zero initial state for the batch of sequences ``xs``."""
        shape = (self.n_layers * self.direction, len(xs), self.out_size)
        with cuda.get_device_from_id(self._device_id):
            return variable.Variable(
                self.xp.zeros(shape, dtype=xs[0].dtype))

    def rnn(self, *args):
        """Calls the RNN function of this link (implemented by subclasses).
        """
        raise NotImplementedError()

    def _call(self, hs, xs, **kwargs):
        argument.check_unexpected_kwargs(
            kwargs, train='train argument is not supported anymore. '
                          'Use chainer.using_config')
        argument.assert_kwargs_empty(kwargs)
        if not isinstance(xs, (list, tuple)):
            raise TypeError(
                'xs must be a list or tuple of sequences, got %s' % type(xs))
        if len(xs) == 0:
            raise ValueError('xs must hold at least one sequence')
        F = chainer.functions
        xp = cuda.get_array_module(*(list(hs) + list(xs)))
        indices = argsort_list_descent(xs)
        indices_array = xp.asarray(indices)

        xs = permutate_list(xs, indices, inv=False)
        hxs = []
        for hx in hs:
            if hx is None:
                hx = self.init_hx(xs)
            else:
                hx = F.permutate(hx, indices_array, axis=1, inv=False)
            hxs.append(hx)
        trans_x = F.transpose_sequence(xs)

        args = [self.n_layers, self.dropout] + hxs + \
            [self.ws, self.bs, trans_x]
        result = self.rnn(*args)

        hys = [F.permutate(h, indices_array, axis=1, inv=True)
               for h in result[:-1]]
        ys = F.transpose_sequence(result[-1])
        ys = permutate_list(ys, indices, inv=True)
        return hys, ys

    def forward(self, hx, xs, **kwargs):
        """Computes the stacked RNN over a batch of sequences.

        Args:
            hx (~chainer.Variable or None): Initial hidden states
                ``(n_layers * n_directions, batch, out_size)`` (zero if
                ``None``).
            xs (list of ~chainer.Variable or ndarray): The input sequences
                ``(length_i, in_size)``, in any order of lengths.

        Returns:
            tuple: ``(hy, ys)``: the final hidden states (shaped like
            ``hx``) and the list of output sequences
            ``(length_i, n_directions * out_size)``.
        """
        (hy,), ys = self._call([hx], xs, **kwargs)
        return hy, ys


class NStepRNNTanh(NStepRNNBase):

    """Stacked uni-directional RNN with tanh activation for sequences.

    Wraps :func:`~chainer.functions.n_step_rnn` (``activation='tanh'``).
    Each layer holds ``w0`` (input) and ``w1`` (hidden) and their biases.

    Args:
        n_layers (int): Number of layers.
        in_size (int): Dimension of the input vectors.
        out_size (int): Dimension of the hidden states.
        dropout (float): Dropout ratio.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> rnn = L.NStepRNNTanh(2, 3, 4, 0.0)
        >>> xs = [numpy.zeros((n, 3), numpy.float32) for n in (2, 5)]
        >>> hy, ys = rnn(None, xs)
        >>> hy.shape, [y.shape for y in ys]
        ((2, 2, 4), [(2, 4), (5, 4)])

    """

    n_weights = 2
    use_bi_direction = False

    def rnn(self, *args):
        return chainer.functions.n_step_rnn(*args, activation='tanh')


class NStepRNNReLU(NStepRNNBase):

    """Stacked uni-directional RNN with ReLU activation for sequences.

    Wraps :func:`~chainer.functions.n_step_rnn` (``activation='relu'``);
    see :class:`NStepRNNTanh`.
    """

    n_weights = 2
    use_bi_direction = False

    def rnn(self, *args):
        return chainer.functions.n_step_rnn(*args, activation='relu')


class NStepBiRNNTanh(NStepRNNBase):

    """Stacked bi-directional RNN with tanh activation for sequences.

    Wraps :func:`~chainer.functions.n_step_birnn`; the outputs are the
    forward and backward states concatenated (``2 * out_size``).
    """

    n_weights = 2
    use_bi_direction = True

    def rnn(self, *args):
        return chainer.functions.n_step_birnn(*args, activation='tanh')


class NStepBiRNNReLU(NStepRNNBase):

    """Stacked bi-directional RNN with ReLU activation for sequences.

    Wraps :func:`~chainer.functions.n_step_birnn` (``activation='relu'``).
    """

    n_weights = 2
    use_bi_direction = True

    def rnn(self, *args):
        return chainer.functions.n_step_birnn(*args, activation='relu')
