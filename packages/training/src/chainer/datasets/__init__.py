"""Dataset helpers and loaders of Chainer v5, from chainer-training."""
