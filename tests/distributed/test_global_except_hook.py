"""A rank dying of an exception must end the whole MPI job, not hang it.

Each test starts its own ``mpiexec -n 2`` job in a subprocess (so these
tests are not marked ``mpi``: they never run inside an MPI job), where
rank 1 raises while rank 0 waits in a collective.
"""
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from chainermn import global_except_hook

SCRIPT = textwrap.dedent('''
    import sys
    import chainermn
    if sys.argv[1] == 'add_hook':
        chainermn.global_except_hook.add_hook()
    comm = chainermn.create_communicator('naive')
    if comm.rank == 1:
        raise ValueError('rank one fails')
    comm.bcast_obj(None, root=1)  # would wait forever without the hook
''')


def _mpiexec():
    for candidate in (os.path.join(os.path.dirname(sys.executable),
                                   'mpiexec'), shutil.which('mpiexec')):
        if candidate and os.path.exists(candidate):
            return candidate
    pytest.skip('mpiexec is not available')


def _clean_env(**extra):
    # A job of our own: drop what an enclosing MPI job may have set.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(('PMI_', 'PMIX_', 'HYDRA_', 'MPIR_', 'OMPI_',
                                'MPI_LOCALNRANKS', 'MPI_LOCALRANKID'))}
    env.pop('CHAINERMN_FORCE_ABORT_ON_EXCEPTION', None)
    env.update(extra)
    return env


def _run(tmp_path, mode, **env):
    pytest.importorskip('mpi4py')
    script = tmp_path / 'job.py'
    script.write_text(SCRIPT)
    try:
        proc = subprocess.run(
            [_mpiexec(), '-n', '2', sys.executable, str(script), mode],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env=_clean_env(**env), timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail('the MPI job hung after rank 1 raised')
    return proc


def test_environment_variable_aborts_all_ranks(tmp_path):
    proc = _run(tmp_path, 'env', CHAINERMN_FORCE_ABORT_ON_EXCEPTION='1')
    assert proc.returncode != 0
    assert 'uncaught exception on MPI rank 1 of 2' in proc.stdout
    assert 'rank one fails' in proc.stdout


def test_add_hook_aborts_all_ranks(tmp_path):
    proc = _run(tmp_path, 'add_hook')
    assert proc.returncode != 0
    assert 'uncaught exception on MPI rank 1 of 2' in proc.stdout


def test_enabled_by_environment(monkeypatch):
    for name in global_except_hook._ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    assert not global_except_hook._enabled()
    monkeypatch.setenv('CHAINERMN_FORCE_ABORT_ON_EXCEPTION', '')
    assert not global_except_hook._enabled()
    # v5 enables the hook for any non-empty value, "0" included.
    monkeypatch.setenv('CHAINERMN_FORCE_ABORT_ON_EXCEPTION', '0')
    assert global_except_hook._enabled()
    monkeypatch.setenv('CHAINERMN_FORCE_ABORT_ON_EXCEPTION', '1')
    assert global_except_hook._enabled()


def test_add_hook_wraps_the_previous_excepthook(monkeypatch):
    seen = []

    def previous(*args):
        seen.append(args[1])

    monkeypatch.setattr(sys, 'excepthook', previous)
    monkeypatch.setattr(global_except_hook, '_orig_except_hook', None)
    global_except_hook.add_hook()
    assert sys.excepthook is global_except_hook._global_except_hook
    assert global_except_hook._orig_except_hook is previous
    with pytest.warns(UserWarning, match='multiple times'):
        global_except_hook.add_hook()
    assert global_except_hook._orig_except_hook is previous


def test_previous_hook_reports_before_abort(tmp_path):
    # The user's own excepthook still runs (v5 chains to it).
    script = tmp_path / 'job.py'
    script.write_text(textwrap.dedent('''
        import sys
        import chainermn
        sys.excepthook = lambda *a: print('user hook saw', a[1])
        chainermn.global_except_hook.add_hook()
        comm = chainermn.create_communicator('naive')
        if comm.rank == 1:
            raise ValueError('rank one fails')
        comm.bcast_obj(None, root=1)
    '''))
    pytest.importorskip('mpi4py')
    try:
        proc = subprocess.run(
            [_mpiexec(), '-n', '2', sys.executable, str(script)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env=_clean_env(), timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail('the MPI job hung after rank 1 raised')
    assert proc.returncode != 0
    assert 'user hook saw rank one fails' in proc.stdout
    assert 'uncaught exception on MPI rank 1 of 2' in proc.stdout
