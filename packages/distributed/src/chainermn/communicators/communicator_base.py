"""The abstract interface every ChainerMN communicator implements."""
import abc


class CommunicatorBase(abc.ABC):

    """Interface of ChainerMN communicators.

    Communication methods come in pairs: ``send``/``recv``/``bcast``/
    ``gather``/``allgather``/``alltoall``/``scatter``/``allreduce`` move
    numpy or cupy arrays, and the ``_obj`` versions move picklable Python
    objects. ``bcast_data`` and ``allreduce_grad`` act on a whole model.

    All ranks must call collective methods in the same order.
    """

    @property
    @abc.abstractmethod
    def rank(self):
        """Rank (index) of this process in the communicator."""

    @property
    @abc.abstractmethod
    def size(self):
        """Number of processes in the communicator."""

    @property
    @abc.abstractmethod
    def intra_rank(self):
        """Rank of this process among the processes of its node."""

    @property
    @abc.abstractmethod
    def intra_size(self):
        """Number of processes on the node of this process."""

    @property
    @abc.abstractmethod
    def inter_rank(self):
        """Index of the node of this process."""

    @property
    @abc.abstractmethod
    def inter_size(self):
        """Number of nodes."""

    @abc.abstractmethod
    def split(self, color, key):
        """A new communicator of the same class over a subset of ranks.

        Args:
            color (int): Processes with the same color join one group.
            key (int): Rank order within the new group.
        """

    @abc.abstractmethod
    def send(self, data, dest, tag):
        """Sends an array (or a tuple of arrays) to ``dest``."""

    @abc.abstractmethod
    def recv(self, source, tag):
        """Receives what ``send`` sent; returns an array or a tuple."""

    @abc.abstractmethod
    def bcast(self, data, root=0, max_buf_len=None):
        """Broadcasts an array from ``root``; every rank returns it."""

    @abc.abstractmethod
    def gather(self, data, root=0):
        """Gathers one array per rank; ``root`` gets a tuple, others None."""

    @abc.abstractmethod
    def allgather(self, x):
        """Gathers one array per rank onto every rank, as a tuple."""

    @abc.abstractmethod
    def alltoall(self, xs):
        """Sends ``xs[i]`` to rank ``i``; returns what each rank sent here."""

    @abc.abstractmethod
    def scatter(self, xs, root=0):
        """Sends ``xs[i]`` from ``root`` to rank ``i``."""

    @abc.abstractmethod
    def allreduce(self, data):
        """Elementwise sum of an array over all ranks."""

    @abc.abstractmethod
    def send_obj(self, obj, dest, tag=0):
        """Sends a picklable object to ``dest``."""

    @abc.abstractmethod
    def recv_obj(self, source, tag=0):
        """Receives an object sent by ``send_obj``."""

    @abc.abstractmethod
    def bcast_obj(self, obj, max_buf_len=None, root=0):
        """Broadcasts a picklable object from ``root``."""

    @abc.abstractmethod
    def gather_obj(self, obj, root=0):
        """Gathers objects to ``root`` (a list there, None elsewhere)."""

    @abc.abstractmethod
    def allreduce_obj(self, obj):
        """Sum (``+``) of an object over all ranks."""

    @abc.abstractmethod
    def bcast_data(self, model):
        """Copies every initialized parameter of ``model`` from rank 0."""

    @abc.abstractmethod
    def allreduce_grad(self, model, zero_fill=False):
        """Replaces each gradient of ``model`` with its mean over ranks."""

    def multi_node_mean_grad(self, model, zero_fill=False):
        """Alias of :meth:`allreduce_grad` (the name used from v7 on)."""
        return self.allreduce_grad(model, zero_fill=zero_fill)

    def broadcast_data(self, model):
        """Alias of :meth:`bcast_data`."""
        return self.bcast_data(model)

    def finalize(self):
        """Releases resources; nothing to do by default (v7 API)."""
