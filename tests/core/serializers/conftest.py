"""Small hand-written models shared by the serializer tests."""
import numpy
import pytest

import chainer
from chainer import initializers


class Affine(chainer.Link):

    """``W`` (given or lazy), ``b``, and persistents of several types."""

    def __init__(self, n_in, n_out, seed=0, lazy=False):
        super(Affine, self).__init__()
        rng = numpy.random.RandomState(seed)
        with self.init_scope():
            if lazy:
                self.W = chainer.Parameter(initializers.Normal())
            else:
                self.W = chainer.Parameter(
                    rng.uniform(-1, 1, (n_out, n_in)).astype(numpy.float32))
            self.b = chainer.Parameter(
                rng.uniform(-1, 1, (n_out,)).astype(numpy.float32))
        self.add_persistent('avg', rng.uniform(0, 1, n_out).astype('f'))
        self.add_persistent('N', int(seed))


class MLP(chainer.Chain):

    def __init__(self, seed=0, lazy=False):
        super(MLP, self).__init__()
        with self.init_scope():
            self.l1 = Affine(3, 4, seed, lazy=lazy)
            self.l2 = Affine(4, 2, seed + 1)


class Classifier(chainer.Chain):

    """The ``predictor`` layout of v5's ``L.Classifier``."""

    def __init__(self, seed=0, lazy=False):
        super(Classifier, self).__init__()
        with self.init_scope():
            self.predictor = MLP(seed, lazy=lazy)


class Rule(object):

    """Per-parameter state in the layout of a v5 UpdateRule (``m``, ``v``)."""

    def __init__(self, shape, seed):
        rng = numpy.random.RandomState(seed)
        self.state = {'m': rng.rand(*shape).astype('f'),
                      'v': rng.rand(*shape).astype('f')}

    def serialize(self, serializer):
        for key in sorted(self.state):
            self.state[key] = serializer(key, self.state[key])


class Optimizer(object):

    """Serializes like a v5 Optimizer: ``t``, ``epoch``, then each rule."""

    def __init__(self, target, seed=0):
        self.target = target
        self.t = 10 + seed
        self.epoch = 2 + seed
        self.rules = {path: Rule(p.shape, seed + i) for i, (path, p) in
                      enumerate(target.namedparams(include_uninit=False))}

    def serialize(self, serializer):
        self.t = serializer('t', self.t)
        self.epoch = serializer('epoch', self.epoch)
        for path, rule in sorted(self.rules.items()):
            rule.serialize(serializer[path])


class Updater(object):

    """Serializes like v5's StandardUpdater inside ``Trainer.serialize``."""

    def __init__(self, model, optimizer):
        self.model = model
        self.optimizer = optimizer
        self.iteration = 100

    def serialize(self, serializer):
        self.optimizer.serialize(serializer['optimizer:main'])
        self.model.serialize(serializer['model:main'])
        self.iteration = serializer('iteration', self.iteration)


class Trainer(object):

    def __init__(self, updater):
        self.updater = updater

    def serialize(self, serializer):
        self.updater.serialize(serializer['updater'])


def snapshot_of(model):
    """A dict of what each parameter/persistent holds, for comparisons."""
    state = {}
    for path, link in model.namedlinks():
        for name in link._params | link._persistent:
            value = getattr(link, name)
            value = getattr(value, 'array', value)
            state[path.rstrip('/') + '/' + name] = (
                None if value is None else numpy.array(value, copy=True))
    return state


def assert_same_state(a, b):
    assert sorted(a) == sorted(b)
    for key in a:
        if a[key] is None or b[key] is None:
            assert a[key] is None and b[key] is None, key
        else:
            numpy.testing.assert_array_equal(a[key], b[key], err_msg=key)
            assert a[key].dtype == b[key].dtype, key


@pytest.fixture
def models():
    """The model classes and helpers, as a namespace."""
    class Namespace(object):
        pass

    ns = Namespace()
    for obj in (Affine, MLP, Classifier, Rule, Optimizer, Updater, Trainer,
                snapshot_of, assert_same_state):
        setattr(ns, obj.__name__, obj)
    return ns
