#!/usr/bin/env python
"""Times chainer workloads against the same workloads in PyTorch (CPU).

Usage: python benchmarks/run.py [NAME ...] [--repeat R] [--min-time S]
                                 [--threads T] [--json FILE]

Each ``benchmarks/bench_<name>.py`` defines NAME, DESCRIPTION, UNIT,
UNITS_PER_STEP, ``chainer_setup()`` and ``torch_setup(torch)``; both setups
return a ``step()`` callable doing one unit of work and returning a numpy
array (checked to agree between the two). Both run in this process: after a
warm-up, the runner times ``R`` rounds, alternating chainer and torch so
that machine noise hits both alike, and reports the median per unit and the
ratio chainer/torch. Without torch the torch column is skipped.

Both frameworks get the same number of threads (``--threads``, default 1):
``torch.set_num_threads`` and the BLAS under numpy (set through
OMP/OPENBLAS/MKL_NUM_THREADS before numpy is imported). A module may define
``note()``, returning a line printed above the table.
"""

import argparse
import glob
import importlib.util
import json
import os
import platform
import statistics
import sys
import time

# numpy is imported in main(), after the thread count of its BLAS is set.
numpy = None
THREAD_VARS = ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS')
HERE = os.path.dirname(os.path.abspath(__file__))


def discover(names):
    """Loads bench_*.py modules, all of them or those named."""
    paths = sorted(glob.glob(os.path.join(HERE, 'bench_*.py')))
    found = {os.path.basename(p)[len('bench_'):-len('.py')]: p
             for p in paths}
    unknown = [n for n in names if n not in found]
    if unknown:
        sys.exit('unknown workload(s) %s; available: %s' % (
            ', '.join(unknown), ', '.join(sorted(found))))
    modules = []
    for short, path in sorted(found.items()):
        if names and short not in names:
            continue
        spec = importlib.util.spec_from_file_location('bench_' + short, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        # A workload that only means something under mpiexec (make
        # bench-mpi) runs here only when asked for by name.
        if getattr(module, 'MPI_ONLY', False) and not names:
            continue
        modules.append(module)
    return modules


def calibrate(step, min_time):
    """Calls per round so that a round lasts at least ``min_time`` s."""
    number = 1
    while True:
        start = time.perf_counter()
        for _ in range(number):
            step()
        elapsed = time.perf_counter() - start
        if elapsed >= min_time:
            return number
        # Aim a little past min_time; at most 10x growth per try.
        number = max(number + 1,
                     min(number * 10, int(number * 1.2 * min_time /
                                          max(elapsed, 1e-9))))


def time_round(step, number):
    start = time.perf_counter()
    for _ in range(number):
        step()
    return (time.perf_counter() - start) / number


def run_workload(module, torch, args):
    steps = {'chainer': module.chainer_setup()}
    if torch is not None:
        steps['torch'] = module.torch_setup(torch)
    results = {k: numpy.asarray(s()) for k, s in steps.items()}
    agree = None
    if 'torch' in results:
        ref = results['torch']
        # float32 through a long chain: compare against the largest value.
        atol = 1e-4 * float(numpy.max(numpy.abs(ref), initial=1.0))
        agree = bool(numpy.allclose(results['chainer'], ref, rtol=1e-3,
                                    atol=atol))
    numbers = {}
    for key, step in steps.items():
        calibrate(step, args.min_time)  # warm-up: caches, allocator
        numbers[key] = calibrate(step, args.min_time)
    times = {key: [] for key in steps}
    for _ in range(args.repeat):
        for key, step in steps.items():
            times[key].append(time_round(step, numbers[key]))
    scale = 1e6 / module.UNITS_PER_STEP  # seconds per step -> us per unit
    medians = {k: statistics.median(v) * scale for k, v in times.items()}
    return {
        'name': module.NAME, 'description': module.DESCRIPTION,
        'unit': module.UNIT, 'median': medians,
        'rounds': {k: [t * scale for t in v] for k, v in times.items()},
        'calls_per_round': numbers, 'results_agree': agree,
        'ratio': (medians['chainer'] / medians['torch']
                  if 'torch' in medians else None),
    }


def import_torch(threads):
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(threads)
    return torch


def print_table(rows, torch):
    head = '%-14s %-8s %12s %12s %14s  %s' % (
        'workload', 'unit', 'chainer', 'torch', 'chainer/torch',
        'description')
    print(head)
    print('-' * len(head))
    for r in rows:
        m = r['median']
        torch_col = '%12.2f' % m['torch'] if 'torch' in m else '%12s' % '-'
        ratio = '%14.2f' % r['ratio'] if r['ratio'] is not None else (
            '%14s' % '-')
        print('%-14s %-8s %12.2f %s %s  %s' % (
            r['name'], r['unit'], m['chainer'], torch_col, ratio,
            r['description']))
    for r in rows:
        if r['results_agree'] is False:
            print('WARNING: %s: chainer and torch results differ' %
                  r['name'])


def main():
    parser = argparse.ArgumentParser(
        description='chainer vs PyTorch CPU benchmarks')
    parser.add_argument('names', nargs='*',
                        help='workloads to run (default: all), e.g. '
                        'op_overhead')
    parser.add_argument('--repeat', type=int, default=7,
                        help='timed rounds per framework (median)')
    parser.add_argument('--min-time', type=float, default=0.2,
                        help='seconds per round (sets calls per round)')
    parser.add_argument('--threads', type=int, default=1,
                        help='threads for both: torch.set_num_threads and '
                        'the BLAS under numpy (elementwise numpy ops use one '
                        'thread anyway)')
    parser.add_argument('--json', help='also write the results here')
    args = parser.parse_args()

    # Must happen before numpy loads its BLAS, which reads these once.
    for var in THREAD_VARS:
        os.environ[var] = str(args.threads)
    global numpy
    import numpy
    import chainer
    modules = discover(args.names)
    torch = import_torch(args.threads)
    print('chainer %s (%s), numpy %s, Python %s, %s' % (
        chainer.__version__, os.path.dirname(chainer.__file__),
        numpy.__version__, platform.python_version(), platform.machine()))
    if torch is None:
        print('note: torch is not installed; the torch column is skipped '
              '(make bench installs it).')
    else:
        print('torch %s, torch.set_num_threads(%d); numpy BLAS limited to '
              'the same count' % (torch.__version__, torch.get_num_threads()))
    for m in modules:
        if hasattr(m, 'note'):
            print('%s: %s' % (m.NAME, m.note()))
    print('median of %d rounds of >= %.2f s each, chainer and torch '
          'alternating\n' % (args.repeat, args.min_time))

    rows = [run_workload(m, torch, args) for m in modules]
    print_table(rows, torch)
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'torch': torch.__version__ if torch else None,
                       'threads': args.threads, 'workloads': rows},
                      f, indent=2)
    if any(r['results_agree'] is False for r in rows):
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
