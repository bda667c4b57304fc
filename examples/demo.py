#!/usr/bin/env python
"""Handwritten digit classifier trained with chainer core only (make demo).

Trains a two-layer perceptron on scikit-learn's bundled 8x8 digits data set
(1797 images, shipped inside the scikit-learn wheel, so no download) with
``chainer.Variable``/``chainer.Parameter``, ``chainer.functions`` and a
hand-written SGD step on ``param.grad``. Prints one line per epoch and saves
the loss and accuracy curves to ``result/demo.png``.

Later versions of this demo use chainer.links, the Trainer and ChainerMN.
"""

import argparse
import os
import time

import numpy

import chainer
import chainer.functions as F


def load_data(seed):
    """Digits as float32 in [0, 1], split 80/20 into train and test."""
    from sklearn.datasets import load_digits
    digits = load_digits()
    x = (digits.data / 16.0).astype(numpy.float32)
    t = digits.target.astype(numpy.int32)
    order = numpy.random.RandomState(seed).permutation(len(x))
    n_train = len(x) * 4 // 5
    train, test = order[:n_train], order[n_train:]
    return (x[train], t[train]), (x[test], t[test])


def make_params(n_in, n_hidden, n_out, rng):
    """He-normal weights and zero biases, as chainer.Parameter objects."""
    def weight(n_o, n_i):
        w = rng.normal(0, numpy.sqrt(2.0 / n_i), (n_o, n_i))
        return chainer.Parameter(w.astype(numpy.float32), name='W')

    def bias(n_o):
        return chainer.Parameter(numpy.zeros(n_o, numpy.float32), name='b')

    return [weight(n_hidden, n_in), bias(n_hidden),
            weight(n_out, n_hidden), bias(n_out)]


def forward(params, x):
    W1, b1, W2, b2 = params
    h = F.relu(F.linear(x, W1, b1))
    return F.linear(h, W2, b2)


def evaluate(params, x, t):
    # Inference only: no graph is kept.
    with chainer.using_config('train', False), chainer.no_backprop_mode():
        y = forward(params, x)
        loss = F.softmax_cross_entropy(y, t)
        acc = F.accuracy(y, t)
    return float(loss.array), float(acc.array)


def save_plot(history, path):
    import matplotlib
    matplotlib.use('Agg')  # files only, no display needed
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    epochs = [h['epoch'] for h in history]
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 4))
    for split in ('train', 'test'):
        ax_loss.plot(epochs, [h[split + '/loss'] for h in history],
                     marker='o', label=split)
        ax_acc.plot(epochs, [h[split + '/accuracy'] for h in history],
                    marker='o', label=split)
    ax_loss.set(xlabel='epoch', ylabel='softmax cross entropy',
                title='loss')
    ax_acc.set(xlabel='epoch', ylabel='accuracy', title='accuracy',
               ylim=(0.0, 1.0))
    for ax, where in ((ax_loss, 'upper right'), (ax_acc, 'lower right')):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.grid(True, alpha=0.3)
        ax.legend(loc=where)
    fig.suptitle('chainer: 2-layer perceptron on 8x8 digits')
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--epoch', type=int, default=20)
    parser.add_argument('--batchsize', type=int, default=32)
    parser.add_argument('--unit', type=int, default=64)
    parser.add_argument('--lr', type=float, default=0.1)
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--out', default='result')
    args = parser.parse_args()

    (x_train, t_train), (x_test, t_test) = load_data(args.seed)
    rng = numpy.random.RandomState(args.seed)
    params = make_params(x_train.shape[1], args.unit, 10, rng)
    print('digits: %d train, %d test images; MLP 64-%d-10, SGD lr=%g, '
          'batch %d' % (len(x_train), len(x_test), args.unit, args.lr,
                        args.batchsize))
    print('%5s %11s %11s %11s %11s %8s' % (
        'epoch', 'train/loss', 'train/acc', 'test/loss', 'test/acc',
        'time'))

    history = []
    start = time.time()
    for epoch in range(1, args.epoch + 1):
        order = rng.permutation(len(x_train))
        for i in range(0, len(order), args.batchsize):
            batch = order[i:i + args.batchsize]
            y = forward(params, x_train[batch])
            loss = F.softmax_cross_entropy(y, t_train[batch])
            for p in params:
                p.cleargrad()
            loss.backward()
            for p in params:
                p.array -= args.lr * p.grad
        train_loss, train_acc = evaluate(params, x_train, t_train)
        test_loss, test_acc = evaluate(params, x_test, t_test)
        history.append({'epoch': epoch,
                        'train/loss': train_loss, 'train/accuracy': train_acc,
                        'test/loss': test_loss, 'test/accuracy': test_acc})
        print('%5d %11.4f %11.4f %11.4f %11.4f %7.1fs' % (
            epoch, train_loss, train_acc, test_loss, test_acc,
            time.time() - start))

    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, 'demo.png')
    save_plot(history, path)
    print('final test accuracy %.4f; plot saved to %s' % (
        history[-1]['test/accuracy'], path))


if __name__ == '__main__':
    main()
