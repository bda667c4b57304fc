import io
import subprocess
import sys
import threading

import numpy
import pytest

import chainer
from chainer import configuration


V5_KEYS = {
    'autotune': False, 'cudnn_deterministic': False,
    'cudnn_fast_batch_normalization': False, 'debug': False,
    'enable_backprop': True, 'keep_graph_on_report': False,
    'lazy_grad_sum': False, 'train': True, 'type_check': True,
    'use_cudnn': 'auto', 'use_cudnn_tensor_core': 'auto',
    'use_ideep': 'never', 'use_static_graph': True,
}


def test_defaults():
    for key, value in V5_KEYS.items():
        assert getattr(chainer.global_config, key) == value, key
    assert chainer.config.dtype == numpy.float32


def test_using_config_restores():
    assert chainer.config.train
    with chainer.using_config('train', False):
        assert not chainer.config.train
        with chainer.using_config('train', True):
            assert chainer.config.train
        assert not chainer.config.train
    assert chainer.config.train
    assert chainer.global_config.train


def test_using_config_new_key_removed():
    with chainer.using_config('my_key', 3):
        assert chainer.config.my_key == 3
    with pytest.raises(AttributeError):
        chainer.config.my_key


def test_using_config_restores_on_error():
    with pytest.raises(ValueError):
        with chainer.using_config('train', False):
            raise ValueError
    assert chainer.config.train


def test_thread_local():
    seen = []
    with chainer.using_config('train', False):
        t = threading.Thread(target=lambda: seen.append(chainer.config.train))
        t.start()
        t.join()
    assert seen == [True]


def test_local_falls_back_to_global():
    chainer.global_config.some_test_key = 1
    try:
        assert chainer.config.some_test_key == 1
        chainer.config.some_test_key = 2
        assert chainer.config.some_test_key == 2
        assert chainer.global_config.some_test_key == 1
        del chainer.config.some_test_key
        assert chainer.config.some_test_key == 1
    finally:
        del chainer.global_config.some_test_key


def test_show():
    buf = io.StringIO()
    chainer.config.show(buf)
    text = buf.getvalue()
    assert 'enable_backprop' in text and 'use_cudnn' in text
    lines = text.splitlines()
    assert lines == sorted(lines)
    buf = io.StringIO()
    chainer.global_config.show(buf)
    assert 'train' in buf.getvalue()


def test_classes():
    assert isinstance(chainer.global_config, configuration.GlobalConfig)
    assert isinstance(chainer.config, configuration.LocalConfig)


@pytest.mark.parametrize('env,key,expected', [
    ('CHAINER_DEBUG=1', 'debug', 'True'),
    ('CHAINER_TYPE_CHECK=0', 'type_check', 'False'),
    ('CHAINER_USE_CUDNN=never', 'use_cudnn', 'never'),
    ('CHAINER_USE_IDEEP=auto', 'use_ideep', 'auto'),
    ('CHAINER_DTYPE=float16', 'dtype', 'float16'),
    ('CHAINER_KEEP_GRAPH_ON_REPORT=1', 'keep_graph_on_report', 'True'),
    ('CHAINER_LAZY_GRAD_SUM=1', 'lazy_grad_sum', 'True'),
    ('CHAINER_USE_CUDNN_TENSOR_CORE=never', 'use_cudnn_tensor_core',
     'never'),
])
def test_environment_variables(env, key, expected):
    name, value = env.split('=')
    import os
    environ = dict(os.environ, **{name: value})
    out = subprocess.check_output(
        [sys.executable, '-c',
         'import chainer; print(chainer.global_config.%s)' % key],
        env=environ)
    assert out.decode().strip() == expected


@pytest.mark.parametrize('value', ['half', 'int32', 'float'])
def test_chainer_dtype_only_float_names(value):
    # v5 refuses every CHAINER_DTYPE but float16/32/64 at import time.
    import os
    environ = dict(os.environ, CHAINER_DTYPE=value)
    proc = subprocess.run(
        [sys.executable, '-c', 'import chainer'], env=environ,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.returncode != 0
    assert ('TypeError: incorrect dtype name in CHAINER_DTYPE: "{}". Only '
            'float16/32/64 are allowed.'.format(value)
            ) in proc.stderr.decode()


@pytest.mark.parametrize('value', ['float16', 'float32', 'float64'])
def test_chainer_dtype_float_names(value):
    import os
    environ = dict(os.environ, CHAINER_DTYPE=value)
    out = subprocess.check_output(
        [sys.executable, '-c',
         'import chainer; print(repr(chainer.global_config.dtype))'],
        env=environ)
    assert out.decode().strip() == "dtype('{}')".format(value)


def test_get_dtype():
    assert chainer.get_dtype() == numpy.float32
    assert chainer.get_dtype(numpy.float16) == numpy.float16
    with chainer.using_config('dtype', numpy.float64):
        assert chainer.get_dtype() == numpy.float64
