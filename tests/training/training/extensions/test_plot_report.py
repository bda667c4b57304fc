import os

import numpy
import pytest

from chainer import serializers
from chainer import testing
from chainer.training import extensions
from chainer.training.extensions import _plot


def _run(ext, tmp_path, stop=(4, 'iteration')):
    trainer = testing.get_trainer_with_mock_updater(stop, iter_per_epoch=2)
    trainer.out = str(tmp_path)

    def report(t):
        t.observation['main/loss'] = 1.0 / t.updater.iteration
    trainer.extend(report, name='report', priority=300)
    trainer.extend(ext)
    trainer.run()
    return trainer


def test_plots_png(tmp_path):
    pytest.importorskip('matplotlib')
    assert extensions.PlotReport.available()
    ext = extensions.PlotReport(['main/loss', 'absent'], 'epoch',
                                file_name='loss.png')
    _run(ext, tmp_path)
    with open(os.path.join(str(tmp_path), 'loss.png'), 'rb') as f:
        assert f.read(8) == b'\x89PNG\r\n\x1a\n'
    assert ext._data['main/loss'] == [(1, 0.75), (2, pytest.approx(7 / 24))]
    assert ext._data['absent'] == []
    assert os.listdir(str(tmp_path)) == ['loss.png']


def test_postprocess_and_serialize(tmp_path):
    pytest.importorskip('matplotlib')
    calls = []
    ext = extensions.PlotReport('main/loss', trigger=(1, 'iteration'),
                                postprocess=lambda f, a, s: calls.append(a),
                                marker=None, grid=False)
    _run(ext, tmp_path, stop=(2, 'iteration'))
    assert len(calls) == 2
    path = str(tmp_path / 'p.npz')
    serializers.save_npz(path, ext)
    restored = extensions.PlotReport('main/loss')
    serializers.load_npz(path, restored)
    assert restored._data == {'main/loss': [(1, 1.0), (2, 0.5)]}


def test_without_matplotlib(tmp_path, monkeypatch):
    monkeypatch.setattr(_plot, '_available', False)
    with pytest.warns(UserWarning, match='matplotlib'):
        assert not extensions.PlotReport.available()
    with pytest.warns(UserWarning):
        ext = extensions.PlotReport(['main/loss'])
    _run(ext, tmp_path)
    assert os.listdir(str(tmp_path)) == []


def test_resume_from_v5_snapshot(tmp_path):
    # v5 stores the plotted points as JSON under '_plot_<file_name>',
    # holding only the keys that had a value; the others start empty.
    pytest.importorskip('matplotlib')
    ext = extensions.PlotReport(['main/loss', 'main/acc'],
                                trigger=(1, 'iteration'))
    serializers.NpzDeserializer({
        '_plot_plot.png': numpy.array('{"main/loss": [[1, 0.5]]}'),
    }).load(ext)
    trainer = testing.get_trainer_with_mock_updater(
        (1, 'iteration'), iter_per_epoch=2)
    trainer.out = str(tmp_path)

    def report(t):
        t.observation.update({'main/loss': 0.25, 'main/acc': 0.75})
    trainer.extend(report, name='report', priority=300)
    trainer.extend(ext)
    trainer.run()
    assert ext._data == {'main/loss': [(1, 0.5), (1, 0.25)],
                         'main/acc': [(1, 0.75)]}


def test_file_name_is_not_formatted(tmp_path):
    # v5's code joins file_name to the output directory as it is.
    pytest.importorskip('matplotlib')
    name = 'loss_{.updater.iteration}.png'
    _run(extensions.PlotReport('main/loss', file_name=name), tmp_path)
    assert os.listdir(str(tmp_path)) == [name]
