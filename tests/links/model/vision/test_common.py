"""Shared machinery of the vision models: image preparation, layer
selection, keyword checks and the cached-model retrieval."""
import collections
import os

import numpy
import pytest

import chainer
from chainer import serializers
from chainer.links.model.vision import _common

_MEAN = (10., 20., 30.)


def _expected(rgb_hwc):
    bgr = rgb_hwc.astype(numpy.float32)[:, :, ::-1] - numpy.array(
        _MEAN, numpy.float32)
    return bgr.transpose(2, 0, 1)


@pytest.fixture
def pil():
    return pytest.importorskip('PIL.Image')


def test_prepare_layouts(pil, rgb_image):
    img = rgb_image(4, 6)
    expected = _expected(img)
    for given in (img, img.transpose(2, 0, 1), pil.fromarray(img)):
        y = _common.prepare_image(given, None, _MEAN)
        assert y.dtype == numpy.float32
        numpy.testing.assert_array_equal(expected, y)


def test_prepare_gray(pil, rgb_image):
    gray = rgb_image(3, 5)[:, :, 0]
    expected = _expected(numpy.repeat(gray[:, :, None], 3, axis=2))
    for given in (gray, gray[None]):
        numpy.testing.assert_array_equal(
            expected, _common.prepare_image(given, None, _MEAN))


def test_prepare_resize_and_dtype(pil, rgb_image):
    img = rgb_image(4, 6)
    # As in v5, the size goes to PIL as (width, height).
    y = _common.prepare_image(img, (5, 3), _MEAN)
    assert y.shape == (3, 3, 5)
    expected = _expected(numpy.asarray(pil.fromarray(img).resize((5, 3))))
    numpy.testing.assert_array_equal(expected, y)
    with chainer.using_config('dtype', numpy.float64):
        assert _common.prepare_image(img, None, _MEAN).dtype == \
            numpy.float64


def test_prepare_without_pil(monkeypatch):
    monkeypatch.setattr(_common, 'Image', None)
    with pytest.raises(ImportError, match='Pillow'):
        _common.prepare_image(numpy.zeros((2, 2, 3)), None, _MEAN)


def test_run_layers_stops_early():
    calls = []

    def step(name, value):
        def f(h):
            calls.append(name)
            return h + value
        return f

    functions = collections.OrderedDict([
        ('a', [step('a1', 1), step('a2', 10)]),
        ('b', [step('b', 100)]),
        ('c', [step('c', 1000)]),
    ])
    out = _common.run_layers(functions, 0, ['b', 'a'])
    assert out == {'a': 11, 'b': 111}
    assert calls == ['a1', 'a2', 'b']  # 'c' is never computed
    # v5 raises nothing for a name that is no layer: the whole network
    # runs and the name is left out.
    del calls[:]
    assert _common.run_layers(functions, 0, ['a', 'd']) == {'a': 11}
    assert calls == ['a1', 'a2', 'b', 'c']


def test_run_layers_branches():
    # 'd' starts again from the output of 'a', which is kept though it is
    # not requested; 'b' is never computed.
    functions = collections.OrderedDict([
        ('a', [lambda h: h + 1]),
        ('b', [lambda h: h * 10]),
        ('c', [lambda h: h + 100]),
        ('d', [lambda h: h * 1000]),
    ])
    out = _common.run_layers(functions, 1, ['c', 'd'], {'d': 'a'})
    assert out == {'c': 120, 'd': 2000}
    assert _common.run_layers(functions, 1, ['d']) == {'d': 120000}


def test_check_kwargs():
    with pytest.raises(ValueError, match='test argument is not supported'):
        _common.check_kwargs({'test': True}, 'forward', ('test',))
    with pytest.raises(TypeError, match=r"forward\(\).*'foo'"):
        _common.check_kwargs({'foo': 1}, 'forward', ('test',))
    _common.check_kwargs({}, 'forward', ('test',))


def _small_model():
    model = chainer.Chain()
    with model.init_scope():
        model.fc = chainer.links.Linear(2, 3)
    return model


def test_retrieve_converts_once(dataset_root):
    source = _small_model()
    made, converted = [], []

    def make_caffemodel():
        made.append(True)
        return 'model.caffemodel'

    def convert(path_caffemodel, path_npz):
        converted.append((path_caffemodel, path_npz))
        serializers.save_npz(path_npz, source)

    target = _small_model()
    assert _common.retrieve('m.npz', target, make_caffemodel, convert) \
        is target
    numpy.testing.assert_array_equal(source.fc.W.array, target.fc.W.array)
    path = os.path.join(str(dataset_root), 'pfnet', 'chainer', 'models',
                        'm.npz')
    assert os.path.exists(path)
    assert made == [True] and converted[0][0] == 'model.caffemodel'
    # The npz is written elsewhere and moved into place atomically.
    assert os.path.basename(converted[0][1]) == 'm.npz'

    # The second time, the cached npz is loaded; nothing is converted.
    again = _small_model()
    _common.retrieve('m.npz', again, make_caffemodel, convert)
    numpy.testing.assert_array_equal(source.fc.W.array, again.fc.W.array)
    assert len(made) == 1 and len(converted) == 1
