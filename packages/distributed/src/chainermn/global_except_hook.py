"""Abort every MPI process when one dies of an uncaught exception.

Without this, the surviving ranks block forever in their next collective,
because an mpi4py process that raises does not tell the MPI runtime that
it died. Install it with :func:`add_hook`, or set the environment variable
``CHAINERMN_FORCE_ABORT_ON_EXCEPTION`` (any non-empty value other than
``0``) for every rank, e.g. ``mpiexec -x CHAINERMN_FORCE_ABORT_ON_EXCEPTION=1``
with Open MPI or ``mpiexec -genv ...`` with MPICH.
"""
import os
import sys
import time
import traceback

_ENV_NAMES = ('CHAINERMN_FORCE_ABORT_ON_EXCEPTION',
              # the plural spelling of the v5 documentation
              'CHAINERMN_FORCE_ABORT_ON_EXCEPTIONS')


def _global_except_hook(exctype, value, tb):
    try:
        from mpi4py import MPI
        rank = MPI.COMM_WORLD.Get_rank()
        size = MPI.COMM_WORLD.Get_size()
        sys.stderr.write('\n*****************************************\n'
                         'ChainerMN: uncaught exception on MPI rank %d of '
                         '%d; aborting all ranks.\n' % (rank, size))
        traceback.print_exception(exctype, value, tb, file=sys.stderr)
        sys.stderr.write('*****************************************\n\n')
        sys.stderr.flush()
        sys.stdout.flush()
        # Abort makes mpiexec kill everything at once; a moment first lets
        # it forward the message above, which it may drop otherwise.
        time.sleep(0.5)
    finally:
        try:
            from mpi4py import MPI
            MPI.COMM_WORLD.Abort(1)
        except BaseException:
            # No MPI to abort: the process dies as it would anyway.
            sys.stderr.write('ChainerMN: MPI Abort failed\n')
            sys.stderr.flush()
            os._exit(1)


def add_hook():
    """Makes an uncaught exception on any rank abort the whole MPI job.

    Replaces ``sys.excepthook``: the traceback is printed with the rank,
    then ``MPI.COMM_WORLD.Abort(1)`` terminates every process.
    Exceptions caught by the program, and those of other threads, are not
    affected.
    """
    sys.excepthook = _global_except_hook


def _enabled():
    return any(os.environ.get(n, '') not in ('', '0') for n in _ENV_NAMES)


def _add_hook_if_enabled():
    if _enabled():
        add_hook()
