#!/usr/bin/env python
"""Data-parallel training of a digits classifier with ChainerMN (make demo).

Run it as any ChainerMN script: ``mpiexec -n 2 python examples/demo.py``.
Rank 0 loads scikit-learn's bundled 8x8 digits data set (1797 images,
shipped inside the scikit-learn wheel, so no download) and scatters equal
shards to every rank; each rank trains the same MLP on its shard while the
multi-node optimizer averages the gradients, and the multi-node evaluator
averages the validation results. Rank 0 prints the progress and saves the
loss and accuracy curves to ``result/loss.png`` and ``result/accuracy.png``.
It also runs as a single process (then ``naive`` has one rank).
"""

import argparse

import numpy

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import training
from chainer.training import extensions
import chainermn


class MLP(chainer.Chain):

    """Two hidden layers; input size inferred on the first batch."""

    def __init__(self, n_units, n_out):
        super(MLP, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(None, n_units)
            self.l2 = L.Linear(None, n_units)
            self.l3 = L.Linear(None, n_out)

    def forward(self, x):
        h = F.relu(self.l1(x))
        h = F.relu(self.l2(h))
        return self.l3(h)


def load_digits(seed):
    """Digits as float32 in [0, 1], split 80/20 into train and test."""
    from sklearn.datasets import load_digits as sk_load_digits
    digits = sk_load_digits()
    x = (digits.data / 16.0).astype(numpy.float32)
    t = digits.target.astype(numpy.int32)
    order = numpy.random.RandomState(seed).permutation(len(x))
    n_train = len(x) * 4 // 5
    data = chainer.datasets.TupleDataset(x[order], t[order])
    return chainer.datasets.split_dataset(data, n_train)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--communicator', default='naive')
    parser.add_argument('--epoch', type=int, default=20)
    parser.add_argument('--batchsize', type=int, default=32)
    parser.add_argument('--unit', type=int, default=64)
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--out', default='result')
    args = parser.parse_args()

    comm = chainermn.create_communicator(args.communicator)
    if comm.rank == 0:
        train, test = load_digits(args.seed)
        print('ChainerMN: %d ranks, communicator %r' % (
            comm.size, args.communicator))
        print('digits: %d train, %d test images; MLP 64-%d-%d-10, '
              'Adam, batch %d per rank' % (
                  len(train), len(test), args.unit, args.unit,
                  args.batchsize))
    else:
        train, test = None, None
    # Every rank gets a shard of the same length, so all ranks run the
    # same number of iterations and the collectives stay in step.
    train = chainermn.scatter_dataset(train, comm, shuffle=True,
                                      seed=args.seed)
    test = chainermn.scatter_dataset(test, comm, shuffle=True,
                                     seed=args.seed)

    model = L.Classifier(MLP(args.unit, 10))
    optimizer = chainermn.create_multi_node_optimizer(
        chainer.optimizers.Adam(), comm)
    optimizer.setup(model)

    train_iter = chainer.iterators.SerialIterator(train, args.batchsize)
    test_iter = chainer.iterators.SerialIterator(
        test, args.batchsize, repeat=False, shuffle=False)
    updater = training.StandardUpdater(train_iter, optimizer)
    trainer = training.Trainer(updater, (args.epoch, 'epoch'),
                               out=args.out)

    evaluator = extensions.Evaluator(test_iter, model)
    trainer.extend(chainermn.create_multi_node_evaluator(evaluator, comm))
    if comm.rank == 0:
        trainer.extend(extensions.LogReport())
        trainer.extend(extensions.PrintReport(
            ['epoch', 'main/loss', 'validation/main/loss',
             'main/accuracy', 'validation/main/accuracy', 'elapsed_time']))
        trainer.extend(extensions.PlotReport(
            ['main/loss', 'validation/main/loss'], 'epoch',
            file_name='loss.png'))
        trainer.extend(extensions.PlotReport(
            ['main/accuracy', 'validation/main/accuracy'], 'epoch',
            file_name='accuracy.png'))
    trainer.run()

    if comm.rank == 0:
        log = trainer.get_extension('LogReport').log
        print('final validation accuracy %.4f; plots saved to %s/loss.png '
              'and %s/accuracy.png' % (
                  log[-1]['validation/main/accuracy'], args.out, args.out))


if __name__ == '__main__':
    main()
