import inspect
import warnings

import pytest

import chainer
from chainer import utils


def test_warns():
    with pytest.warns(FutureWarning) as record:
        utils.experimental('chainer.foo')
    assert str(record[0].message) == (
        'chainer.foo is experimental. The interface can change in the future.')


def test_disabled(monkeypatch):
    monkeypatch.setattr(chainer, 'disable_experimental_feature_warning', True)
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        utils.experimental('chainer.foo')


def test_warning_points_at_caller():
    def api():
        utils.experimental('api')
    with pytest.warns(FutureWarning) as record:
        line = inspect.currentframe().f_lineno + 1
        api()
    assert record[0].filename == __file__
    assert record[0].lineno == line
