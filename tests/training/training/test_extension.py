import pytest

from chainer import training


def test_extension_defaults():
    class MyExt(training.Extension):
        pass
    ext = MyExt()
    assert ext.default_name == 'MyExt'
    assert ext.trigger == (1, 'iteration')
    assert ext.priority == training.PRIORITY_READER
    assert ext.name is None
    with pytest.raises(NotImplementedError):
        ext(None)
    ext.initialize(None)
    ext.finalize()
    ext.on_error(None, None, None)
    ext.serialize(None)


def test_priorities():
    assert training.PRIORITY_WRITER > training.PRIORITY_EDITOR > \
        training.PRIORITY_READER


def test_make_extension_defaults():
    @training.make_extension()
    def ext(trainer):
        pass
    assert ext.trigger == (1, 'iteration')
    assert ext.priority == training.PRIORITY_READER
    assert ext.default_name == 'ext'
    assert ext.finalize is None and ext.initialize is None
    assert ext.on_error is None


def test_make_extension_options():
    def on_error(trainer, exc, tb):
        pass

    @training.make_extension(default_name='named', on_error=on_error)
    def ext(trainer):
        pass
    assert ext.default_name == 'named' and ext.on_error is on_error
    with pytest.raises(ValueError, match='initializer'):
        training.make_extension(invoke_before_training=True)
    with pytest.raises(TypeError):
        training.make_extension(unknown=1)
