import os

import numpy
import pytest

from chainer import serializers
from chainer import testing
from chainer.training import extensions


class _State(object):

    def __init__(self, value=0):
        self.value = value

    def serialize(self, serializer):
        self.value = serializer('value', self.value)


def _trainer(tmp_path, stop=(4, 'iteration')):
    trainer = testing.get_trainer_with_mock_updater(stop, iter_per_epoch=2)
    trainer.out = str(tmp_path)
    return trainer


def test_snapshot_object_filename_template_and_defaults(tmp_path):
    trainer = _trainer(tmp_path)
    target = _State(7)
    ext = extensions.snapshot_object(target, 'state_{.updater.iteration}')
    assert ext.trigger == (1, 'epoch') and ext.priority == -100
    assert ext.default_name == 'snapshot_object'
    trainer.extend(ext)
    trainer.run()
    assert sorted(os.listdir(str(tmp_path))) == ['state_2', 'state_4']
    loaded = _State()
    serializers.load_npz(os.path.join(str(tmp_path), 'state_4'), loaded)
    assert loaded.value == 7


def test_filename_is_formatted_twice_as_in_v5(tmp_path):
    # v5 formats the name in the extension and again when saving: doubled
    # braces survive the first pass and are replaced by the second.
    trainer = _trainer(tmp_path, stop=(2, 'iteration'))
    trainer.extend(extensions.snapshot_object(
        _State(), 'obj_{{.updater.iteration}}'))
    trainer.extend(extensions.snapshot(
        filename='trainer_{{.updater.epoch}}_{.updater.iteration}'))
    trainer.run()
    assert sorted(os.listdir(str(tmp_path))) == ['obj_2', 'trainer_1_2']


def test_snapshot_uses_savefun_with_temporary_path(tmp_path):
    calls = []

    def savefun(path, obj):
        calls.append((os.path.dirname(path), obj))
        # The final file does not exist while it is being written.
        assert not os.path.exists(os.path.join(str(tmp_path), 'snap'))
        with open(path, 'w') as f:
            f.write('data')

    trainer = _trainer(tmp_path, stop=(2, 'iteration'))
    ext = extensions.snapshot(savefun=savefun, filename='snap')
    assert ext.default_name == 'snapshot'
    trainer.extend(ext)
    trainer.run()
    assert calls[0][1] is trainer
    assert calls[0][0] != str(tmp_path)
    assert os.listdir(str(tmp_path)) == ['snap']
    with open(os.path.join(str(tmp_path), 'snap')) as f:
        assert f.read() == 'data'


def test_failed_save_leaves_old_file(tmp_path):
    path = os.path.join(str(tmp_path), 'snap')
    with open(path, 'w') as f:
        f.write('old')

    def savefun(path, obj):
        with open(path, 'w') as f:
            f.write('partial')
        raise IOError('disk full')

    trainer = _trainer(tmp_path, stop=(2, 'iteration'))
    trainer.extend(extensions.snapshot(savefun=savefun, filename='snap'))
    with pytest.raises(IOError):
        trainer.run(show_loop_exception_msg=False)
    with open(path) as f:
        assert f.read() == 'old'
    assert os.listdir(str(tmp_path)) == ['snap']


def test_snapshot_of_trainer_has_v5_layout(tmp_path):
    trainer = _trainer(tmp_path, stop=(2, 'iteration'))
    trainer.updater.serialize = lambda s: s('iteration', 2)
    trainer.extend(extensions.snapshot())
    trainer.run()
    with numpy.load(os.path.join(str(tmp_path), 'snapshot_iter_2')) as f:
        keys = set(f.keys())
    assert 'updater/iteration' in keys
    assert '_snapshot_elapsed_time' in keys
    assert 'stop_trigger/previous_iteration' in keys
