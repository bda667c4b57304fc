"""Abort every MPI process when one dies of an uncaught exception.

Without this, the surviving ranks block forever in their next collective,
because an mpi4py process that raises does not tell the MPI runtime that
it died. Install it with :func:`add_hook`, or set the environment variable
``CHAINERMN_FORCE_ABORT_ON_EXCEPTION`` (any non-empty value, as in v5) for
every rank, e.g. ``mpiexec -x CHAINERMN_FORCE_ABORT_ON_EXCEPTION=1``
with Open MPI or ``mpiexec -genv ...`` with MPICH.
"""
import os
import sys
import time
import warnings

_ENV_NAMES = ('CHAINERMN_FORCE_ABORT_ON_EXCEPTION',
              # the plural spelling of the v5 documentation
              'CHAINERMN_FORCE_ABORT_ON_EXCEPTIONS')

# The excepthook that was installed before add_hook (None: not added yet).
_orig_except_hook = None


def _global_except_hook(exctype, value, tb):
    try:
        # The previous hook reports the exception, as it would have
        # without ChainerMN (v5 does the same).
        (_orig_except_hook or sys.__excepthook__)(exctype, value, tb)
    finally:
        try:
            from mpi4py import MPI
            rank = MPI.COMM_WORLD.Get_rank()
            size = MPI.COMM_WORLD.Get_size()
            sys.stderr.write('\n*****************************************\n'
                             'ChainerMN: uncaught exception on MPI rank %d '
                             'of %d; calling MPI_Abort() to stop all '
                             'ranks.\n*****************************************'
                             '\n\n' % (rank, size))
            sys.stderr.flush()
            sys.stdout.flush()
            # Abort makes mpiexec kill everything at once; a moment first
            # lets it forward the output above, which it may drop otherwise.
            time.sleep(0.5)
            MPI.COMM_WORLD.Abort(1)
        except BaseException:
            # No MPI to abort: the process dies as it would anyway.
            sys.stderr.write('ChainerMN: MPI Abort failed; other ranks may '
                             'hang\n')
            sys.stderr.flush()
            os._exit(1)


def add_hook():
    """Makes an uncaught exception on any rank abort the whole MPI job.

    Wraps ``sys.excepthook``: the previous hook reports the exception,
    then a banner names the rank and ``MPI.COMM_WORLD.Abort(1)`` terminates
    every process. Exceptions caught by the program, and those of other
    threads, are not affected. A second call only warns, as in v5.
    """
    global _orig_except_hook
    if _orig_except_hook is not None:
        warnings.warn('chainermn.global_except_hook.add_hook() seems to be '
                      'called multiple times. Ignoring.', stacklevel=2)
        return
    _orig_except_hook = sys.excepthook
    sys.excepthook = _global_except_hook


def _enabled():
    # As in v5 any non-empty value enables the hook ("0" included).
    return any(os.environ.get(n) for n in _ENV_NAMES)


def _add_hook_if_enabled():
    if _enabled():
        add_hook()
