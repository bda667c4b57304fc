"""Linear-chain conditional random field (``chainer.links.CRF1d``)."""
import chainer.functions
from chainer import link
from chainer import variable


class CRF1d(link.Link):

    """Linear-chain conditional random field loss layer.

    Holds the transition scores ``cost`` of
    :func:`~chainer.functions.crf1d` (``cost[i, j]`` scores label ``i``
    followed by ``j``), initialized to zero.

    Args:
        n_label (int): Number of labels.

    Attributes:
        cost (~chainer.Parameter): Transition scores
            ``(n_label, n_label)``.

    .. admonition:: Example

        >>> import numpy
        >>> import chainer.links as L
        >>> crf = L.CRF1d(2)
        >>> xs = [numpy.array([[0, 1]], numpy.float32)] * 2
        >>> ys = [numpy.array([1], numpy.int32)] * 2
        >>> score, path = crf.argmax(xs)
        >>> [p.tolist() for p in path]
        [[1], [1]]

    """

    def __init__(self, n_label):
        super(CRF1d, self).__init__()
        with self.init_scope():
            self.cost = variable.Parameter(0, (n_label, n_label))

    def forward(self, xs, ys, reduce='mean'):
        """Negative log-likelihood of the label sequences ``ys``.

        Args:
            xs (list of ~chainer.Variable or ndarray): ``T`` score arrays
                ``(B_t, n_label)``, batch sizes not increasing (sequences
                sorted by decreasing length, then transposed).
            ys (list of ~chainer.Variable or ndarray): ``T`` label arrays
                ``(B_t,)``.
            reduce (str): ``'mean'`` or ``'no'``.

        Returns:
            ~chainer.Variable: The loss.
        """
        return chainer.functions.crf1d(self.cost, xs, ys, reduce)

    def argmax(self, xs):
        """Computes the best label paths (Viterbi).

        Args:
            xs (list of ~chainer.Variable or ndarray): Score arrays as for
                :meth:`forward`.

        Returns:
            tuple: ``(score, path)`` as
            :func:`~chainer.functions.argmax_crf1d` returns.
        """
        return chainer.functions.argmax_crf1d(self.cost, xs)
