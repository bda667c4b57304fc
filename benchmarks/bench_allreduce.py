#!/usr/bin/env python
"""chainermn allreduce_grad against a raw mpi4py Allreduce (run under MPI).

    mpiexec -n 2 python benchmarks/bench_allreduce.py [--repeat R]

The model has the parameter shapes of ResNet-50 (161 float32 arrays,
25.6M values, as Chainer's ResNet50Layers: convolutions without bias, two
arrays per batch normalization, the final linear layer). Each round times
``comm.allreduce_grad(model)`` (naive communicator: pack every gradient
into one buffer, one Allreduce, mean copied back) and a raw in-place
``MPI.COMM_WORLD.Allreduce`` of one float32 buffer of the same total
size; the time of a round is the slowest rank's. Prints the medians and
the ratio allreduce_grad / raw, and for reference a raw Allreduce of the
same buffer cut into the segments allreduce_grad uses (4 MiB), which shows
how much of the difference comes from cache-sized segments.

Under ``benchmarks/run.py`` (one process) this module is a workload too:
the "torch" column is then the raw mpi4py Allreduce (torch is not used),
and with a single rank both sides have nothing to communicate.
"""
import argparse
import statistics
import sys
import time

import numpy

NAME = 'allreduce'
# Measured under mpiexec (make bench-mpi); run.py skips it by default.
MPI_ONLY = True
DESCRIPTION = ('chainermn allreduce_grad, ResNet-50 shapes (25.6M float32 '
               'in 161 arrays); "torch" = raw mpi4py Allreduce')
UNIT = 'ms/step'
UNITS_PER_STEP = 1000  # run.py reports microseconds per unit: ms per step


def resnet50_shapes():
    """Parameter shapes of ResNet-50 (ImageNet, 1000 classes)."""
    shapes = [(64, 3, 7, 7), (64,), (64,)]
    in_ch = 64
    for n_blocks, mid in ((3, 64), (4, 128), (6, 256), (3, 512)):
        out = mid * 4
        for b in range(n_blocks):
            shapes += [(mid, in_ch, 1, 1), (mid,), (mid,),
                       (mid, mid, 3, 3), (mid,), (mid,),
                       (out, mid, 1, 1), (out,), (out,)]
            if b == 0:  # projection shortcut
                shapes += [(out, in_ch, 1, 1), (out,), (out,)]
            in_ch = out
    shapes += [(1000, 2048), (1000,)]
    return shapes


def make_model(seed):
    import chainer
    rng = numpy.random.RandomState(seed)
    model = chainer.Link()
    with model.init_scope():
        for i, shape in enumerate(resnet50_shapes()):
            p = chainer.Parameter(numpy.zeros(shape, numpy.float32))
            p.grad = rng.uniform(-1, 1, shape).astype(numpy.float32)
            setattr(model, 'p%03d' % i, p)
    return model


def _first_values(model):
    return numpy.array(model.p000.grad.ravel()[:8])


def chainer_setup():
    import chainermn
    comm = chainermn.create_communicator('naive')
    model = make_model(comm.rank)

    def step():
        comm.allreduce_grad(model)
        return _first_values(model)
    return step


def torch_setup(torch):
    # No torch here: the reference is MPI itself (see the module doc).
    from mpi4py import MPI
    comm = MPI.COMM_WORLD
    n = sum(int(numpy.prod(s)) for s in resnet50_shapes())
    first = make_model(comm.rank).p000.grad.ravel()
    buf = numpy.zeros(n, numpy.float32)
    buf[:first.size] = first

    def step():
        comm.Allreduce(MPI.IN_PLACE, [buf, MPI.FLOAT], op=MPI.SUM)
        buf[:8] /= comm.size  # keeps the compared values equal to the mean
        return buf[:8].copy()
    return step


def note():
    return ('single process: nothing is communicated; run '
            '"mpiexec -n 2 python benchmarks/bench_allreduce.py"')


def _timed(comm, fn):
    comm.Barrier()
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    return comm.allreduce(elapsed, op=max_op())


def max_op():
    from mpi4py import MPI
    return MPI.MAX


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--repeat', type=int, default=20,
                        help='timed rounds of each (median reported)')
    args = parser.parse_args()

    from mpi4py import MPI
    import chainermn
    world = MPI.COMM_WORLD
    comm = chainermn.create_communicator('naive')
    model = make_model(comm.rank)
    shapes = resnet50_shapes()
    n = sum(int(numpy.prod(s)) for s in shapes)
    buf = numpy.random.RandomState(comm.rank).uniform(
        -1, 1, n).astype(numpy.float32)

    def raw():
        world.Allreduce(MPI.IN_PLACE, [buf, MPI.FLOAT], op=MPI.SUM)

    def packed():
        comm.allreduce_grad(model)

    seg = comm.segment_bytes // 4

    def raw_segments():
        for lo in range(0, n, seg):
            world.Allreduce(MPI.IN_PLACE, [buf[lo:lo + seg], MPI.FLOAT],
                            op=MPI.SUM)

    runs = [('raw', raw), ('allreduce_grad', packed),
            ('raw_segments', raw_segments)]
    for _ in range(2):  # warm-up: buffer allocation, MPI shared memory
        for _, fn in runs:
            fn()
    times = {name: [] for name, _ in runs}
    for i in range(args.repeat):
        # Rotate the order so that machine noise hits all alike.
        for name, fn in runs[i % 3:] + runs[:i % 3]:
            times[name].append(_timed(world, fn))
            buf *= 1.0 / world.size  # keeps the raw values bounded
    med = {k: statistics.median(v) * 1e3 for k, v in times.items()}
    if comm.rank == 0:
        print('MPI: %s; %d ranks; %d arrays, %d float32 values (%.1f MB)'
              % (MPI.Get_library_version().splitlines()[0].strip(),
                 world.size, len(shapes), n, n * 4 / 1e6))
        print('median of %d rounds (slowest rank per round)' % args.repeat)
        print('raw mpi4py Allreduce (one buffer): %8.2f ms' % med['raw'])
        print('chainermn allreduce_grad (naive):  %8.2f ms'
              % med['allreduce_grad'])
        print('ratio allreduce_grad / raw: %.2f'
              % (med['allreduce_grad'] / med['raw']))
        print('(for reference: raw Allreduce of the same buffer in %d KiB '
              'segments, no packing: %.2f ms; allreduce_grad reduces in '
              'such cache-sized segments)'
              % (comm.segment_bytes >> 10, med['raw_segments']))
    return 0


if __name__ == '__main__':
    sys.exit(main())
