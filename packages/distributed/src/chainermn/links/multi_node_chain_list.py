"""A chain of components spread over ranks (model parallelism)."""
import queue

import chainer
from chainermn.functions import point_to_point_communication as _p2p
from chainermn.functions.pseudo_connect import pseudo_connect


def _as_ranks(ranks):
    if ranks is None:
        return None
    if isinstance(ranks, int):
        return [ranks]
    return list(ranks)


class MultiNodeChainList(chainer.ChainList):

    """Links that receive their inputs from and send their outputs to
    other ranks.

    Each component added by :meth:`add_link` takes its inputs from the
    arguments of the call (``rank_in=None``) or receives them from other
    ranks, and returns its output (``rank_out=None``, at most one
    component) or sends it to other ranks. Components run in the order
    they were added; backward visits them in reverse, with the gradient
    exchanges in the matching order. Sending to this rank itself goes
    through an in-process queue.

    Args:
        comm (CommunicatorBase): ChainerMN communicator.
    """

    def __init__(self, comm):
        chainer.utils.experimental('chainermn.MultiNodeChainList')
        super(MultiNodeChainList, self).__init__()
        self._comm = comm
        self._rank_inouts = []

    def add_link(self, link, rank_in=None, rank_out=None):
        """Adds a component.

        Args:
            link (~chainer.Link): The component.
            rank_in (int, list of int or None): Ranks its inputs come from;
                ``None`` for the arguments of the call.
            rank_out (int, list of int or None): Ranks its output goes to;
                ``None`` if it is the model output.
        """
        rank_in = _as_ranks(rank_in)
        rank_out = _as_ranks(rank_out)
        if rank_out is None and any(out is None
                                    for _, out in self._rank_inouts):
            raise ValueError('MultiNodeChainList cannot have more than one '
                             'component whose rank_out is None')
        super(MultiNodeChainList, self).add_link(link)
        self._rank_inouts.append((rank_in, rank_out))

    def forward(self, *inputs):
        comm = self._comm
        local = queue.Queue()
        y = None
        # The last communication so far: each new one is tied to it, so
        # that backward visits them in exactly the reverse order.
        delegate = None
        for f, (rank_in, rank_out) in zip(self._children, self._rank_inouts):
            if rank_in is None:
                args = inputs
                if delegate is not None:
                    # As in v5: a later component fed by the call's
                    # arguments is tied to the communication before it,
                    # so backward reaches that one only after this one.
                    args = pseudo_connect(delegate, *inputs)
                    if not isinstance(args, tuple):
                        args = (args,)
                x = f(*args)
            else:
                xs = []
                for r in rank_in:
                    if r == comm.rank:
                        h = local.get()
                        if delegate is not None:
                            h = pseudo_connect(delegate, h)
                    else:
                        h = _p2p.recv(comm, rank=r,
                                      delegate_variable=delegate)
                    xs.append(h)
                    delegate = h
                # As in v5: what f computes from the received values is
                # tied to them already; no second edge to them.
                delegate = None
                x = f(*xs)

            if rank_out is None:
                y = x
                delegate = y
                continue
            for i, r in enumerate(rank_out):
                if r == comm.rank:
                    if delegate is not None:
                        x = pseudo_connect(delegate, x)
                    local.put(x)
                    delegate = x
                elif i == 0:
                    delegate = _p2p.send(x, comm, rank=r)
                else:
                    # Later destinations are chained after the first send.
                    delegate = _p2p.send(pseudo_connect(delegate, x),
                                         comm, rank=r)

        if not local.empty():
            raise ValueError('Communication queue is not empty at the end '
                             'of forward. Make sure that all rank_in and '
                             'rank_out correspond to each other.')
        if y is None:
            return delegate  # this rank has no model output
        if y is delegate:
            return y
        return pseudo_connect(delegate, y)
