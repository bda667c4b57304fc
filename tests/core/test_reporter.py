import threading
import warnings

import numpy
import pytest

import chainer
from chainer import reporter
from chainer.backends import cuda
from chainer.testing import attr


def test_report_with_observer_names():
    r = chainer.Reporter()
    a, b = object(), object()
    r.add_observer('a', a)
    r.add_observers('p/', [('b', b)])
    observation = {}
    with r.scope(observation):
        r.report({'x': 1, 'y': 2}, a)
        r.report({'x': 3}, b)
        r.report({'z': 4})
    assert observation == {'a/x': 1, 'a/y': 2, 'p/b/x': 3, 'z': 4}
    # The scope restores the previous observation dict.
    assert r.observation == {}


def test_unregistered_observer():
    r = reporter.Reporter()
    with pytest.raises(KeyError):
        r.report({'x': 1}, object())


def test_observer_identity_not_equality():
    r = reporter.Reporter()
    first, second = [], []
    r.add_observer('first', first)
    with pytest.raises(KeyError):
        r.report({'x': 1}, second)


def test_context_manager_stack():
    r1, r2 = reporter.Reporter(), reporter.Reporter()
    with r1:
        assert reporter.get_current_reporter() is r1
        with r2:
            assert chainer.get_current_reporter() is r2
        assert reporter.get_current_reporter() is r1


def test_module_report_and_scope():
    r = reporter.Reporter()
    obs = object()
    r.add_observer('o', obs)
    with r:
        outer = {}
        with reporter.report_scope(outer):
            reporter.report({'v': 1.5}, obs)
            inner = {}
            with chainer.report_scope(inner):
                chainer.report({'w': 2})
        assert r.observation == {}
    assert outer == {'o/v': 1.5}
    assert inner == {'w': 2}


def test_report_without_reporter_is_noop():
    reporter.report({'x': 1})


def test_scope_restores_on_error():
    r = reporter.Reporter()
    with pytest.raises(RuntimeError):
        with r.scope({}):
            raise RuntimeError
    with pytest.raises(IndexError):
        reporter.get_current_reporter()


def test_reporters_are_thread_local():
    r = reporter.Reporter()
    seen = []
    with r:
        t = threading.Thread(
            target=lambda: seen.append(bool(reporter._get_reporters())))
        t.start()
        t.join()
    assert seen == [False]


def test_variable_is_cut_from_graph():
    x = chainer.Variable(numpy.array([1., 2.], numpy.float32))
    y = x * 2
    observation = {}
    with reporter.Reporter().scope(observation):
        reporter.report({'y': y})
    v = observation['y']
    assert isinstance(v, chainer.Variable)
    assert v is not y and v.creator is None and y.creator is not None
    numpy.testing.assert_array_equal(v.array, [2., 4.])


def test_keep_graph_on_report():
    y = chainer.Variable(numpy.ones(2, numpy.float32)) * 3
    observation = {}
    with chainer.using_config('keep_graph_on_report', True):
        with reporter.Reporter().scope(observation):
            reporter.report({'y': y})
    assert observation['y'] is y


def _summary_of(values, weights=None):
    s = reporter.Summary()
    for i, v in enumerate(values):
        if weights is None:
            s.add(v)
        else:
            s.add(v, weight=weights[i])
    return s


def test_summary_statistics():
    rng = numpy.random.RandomState(0)
    values = rng.uniform(-3, 3, 20)
    s = _summary_of(values)
    numpy.testing.assert_allclose(s.compute_mean(), values.mean())
    mean, std = s.make_statistics()
    numpy.testing.assert_allclose(mean, values.mean())
    numpy.testing.assert_allclose(std, values.std())


def test_summary_weights():
    values = numpy.array([1., 2., 4.])
    weights = numpy.array([3., 1., 0.5])
    s = _summary_of(values, weights)
    mean = (values * weights).sum() / weights.sum()
    var = (weights * (values - mean) ** 2).sum() / weights.sum()
    m, std = s.make_statistics()
    numpy.testing.assert_allclose(m, mean)
    numpy.testing.assert_allclose(std, numpy.sqrt(var))


def test_summary_types():
    s = reporter.Summary()
    s.add(numpy.float32(1))
    s.add(numpy.array(2, numpy.float32))
    s.add(chainer.Variable(numpy.array(3, numpy.float32)))
    s.add(4)
    numpy.testing.assert_allclose(s.compute_mean(), 2.5)


def test_summary_std_is_v5_formula_clipped_at_zero():
    # v5 computes sqrt(E[x^2] - E[x]^2) as is. Here rounding makes that
    # variance negative: v5 gives NaN, we give the true std, 0.
    values = [0.7] * 7
    x = x2 = 0.
    for v in values:
        x += v
        x2 += v * v
    var = x2 / 7 - (x / 7) ** 2
    assert var < 0
    assert _summary_of(values).make_statistics()[1] == 0
    # Elsewhere the formula is v5's, bit for bit.
    values = [0.5, 2.0, 3.25]
    x = sum(values)
    x2 = sum(v * v for v in values)
    expect = numpy.sqrt(x2 / 3 - (x / 3) * (x / 3))
    assert _summary_of(values).make_statistics()[1] == expect


class _DictSerializer(object):

    def __init__(self, target, saving):
        self.target = target
        self.saving = saving

    def __getitem__(self, key):
        return _DictSerializer(self.target.setdefault(key, {}), self.saving)

    def __call__(self, key, value):
        if self.saving:
            self.target[key] = value
            return value
        return self.target[key]


def test_summary_serialize_roundtrip():
    s = _summary_of([1., 2., 6.])
    store = {}
    s.serialize(_DictSerializer(store, True))
    t = reporter.Summary()
    t.serialize(_DictSerializer(store, False))
    assert t.make_statistics() == s.make_statistics()


def test_summary_serialize_missing_warns():
    s = _summary_of([1.])
    with pytest.warns(UserWarning):
        s.serialize(_DictSerializer({}, False))


def test_dict_summary():
    d = reporter.DictSummary()
    d.add({'a': 1., 'b': chainer.Variable(numpy.array(4., 'f')),
           'skip_str': 'text', 'skip_array': numpy.ones(3),
           'skip_none': None})
    d.add({'a': numpy.float64(3.), 'b': (numpy.array(1., 'f'), 2.)})
    mean = d.compute_mean()
    assert set(mean) == {'a', 'b'}
    numpy.testing.assert_allclose(mean['a'], 2.)
    numpy.testing.assert_allclose(mean['b'], (4. + 2. * 1.) / 3.)
    stats = d.make_statistics()
    assert set(stats) == {'a', 'a.std', 'b', 'b.std'}
    numpy.testing.assert_allclose(stats['a.std'], 1.)
    numpy.testing.assert_allclose(
        stats['b.std'], numpy.sqrt((1 * 2. ** 2 + 2 * 1. ** 2) / 3.))


def test_dict_summary_bad_weight():
    with pytest.raises(ValueError):
        reporter.DictSummary().add({'a': (1., numpy.ones(2))})


def test_dict_summary_serialize_roundtrip():
    from chainer.serializers import npz
    d = reporter.DictSummary()
    d.add({'x': 1., 'y': 10.})
    d.add({'x': 3.})
    store = {}
    d.serialize(npz.DictionarySerializer(store))
    e = reporter.DictSummary()
    e.add({'stale': 5.})
    e.serialize(npz.NpzDeserializer(store))
    assert set(e.compute_mean()) == {'x', 'y'}
    numpy.testing.assert_allclose(e.compute_mean()['x'], 2.)
    numpy.testing.assert_allclose(e.make_statistics()['x.std'], 1.)


def test_dict_summary_deserialize_without_names_warns():
    from chainer.serializers import npz
    d = reporter.DictSummary()
    d.add({'x': 1.})
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        d.serialize(npz.NpzDeserializer({}))
    assert any('not saved' in str(x.message) for x in w)
    assert d.compute_mean() == {}


@attr.gpu
def test_summary_on_gpu_stays_on_device():
    cupy = cuda.cupy
    s = reporter.Summary()
    for v in (1., 2., 6.):
        s.add(cupy.array(v, cupy.float32))
    mean, std = s.make_statistics()
    assert isinstance(mean, cupy.ndarray) and isinstance(std, cupy.ndarray)
    numpy.testing.assert_allclose(float(mean), 3., rtol=1e-6)
    numpy.testing.assert_allclose(float(std), numpy.std([1., 2., 6.]),
                                  rtol=1e-5)
