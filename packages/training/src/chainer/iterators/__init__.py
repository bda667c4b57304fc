"""Dataset iterators of Chainer v5, from chainer-training."""
