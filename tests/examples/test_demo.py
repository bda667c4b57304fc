"""The ``make demo`` job: ChainerMN training under ``mpiexec -n 2``."""
import os
import shutil
import subprocess
import sys

import pytest

pytest.importorskip('sklearn')
pytest.importorskip('matplotlib')
pytest.importorskip('mpi4py')

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
MPIEXEC = os.path.join(os.path.dirname(sys.executable), 'mpiexec')


@pytest.mark.skipif(not os.path.exists(MPIEXEC), reason='no mpiexec')
@pytest.mark.skipif('OMPI_COMM_WORLD_SIZE' in os.environ or
                    'PMI_SIZE' in os.environ,
                    reason='already inside an MPI job')
def test_demo_two_ranks(tmp_path):
    out = tmp_path / 'result'
    env = dict(os.environ, MPLBACKEND='Agg')
    proc = subprocess.run(
        [MPIEXEC, '-n', '2', sys.executable,
         os.path.join(ROOT, 'examples', 'demo.py'),
         '--epoch', '3', '--out', str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=240,
        env=env)
    text = proc.stdout.decode()
    assert proc.returncode == 0, text
    assert "2 ranks" in text
    assert 'final validation accuracy' in text
    acc = float(text.split('final validation accuracy ')[1].split(';')[0])
    assert acc > 0.7  # 3 epochs of Adam on digits reach ~0.9
    assert (out / 'loss.png').stat().st_size > 0
    assert (out / 'accuracy.png').stat().st_size > 0
    shutil.rmtree(out)
