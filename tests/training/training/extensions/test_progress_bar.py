import io

import pytest

from chainer import testing
from chainer.training import extensions


def test_output_format():
    out = io.StringIO()
    trainer = testing.get_trainer_with_mock_updater((10, 'iteration'),
                                                    iter_per_epoch=4)
    trainer.extend(extensions.ProgressBar(update_interval=5, bar_length=10,
                                          out=out))
    trainer.run()
    chunks = out.getvalue().split('\033[4A')
    assert len(chunks) == 3  # drawn at iterations 5 and 10, then erased
    lines = chunks[0].split('\n')
    assert lines[0] == '\033[J     total [#####.....] 50.00%'
    assert lines[1] == 'this epoch [##........] 25.00%'
    assert lines[2] == '         5 iter, 1 epoch / 10 iterations'
    assert 'iters/sec. Estimated time to finish:' in lines[3]
    assert chunks[1].split('\n')[0] == \
        '\033[J     total [##########] 100.00%'
    assert chunks[2] == '\033[J'


def test_length_from_epoch_stop_trigger():
    out = io.StringIO()
    trainer = testing.get_trainer_with_mock_updater((2, 'epoch'),
                                                    iter_per_epoch=2)
    trainer.extend(extensions.ProgressBar(update_interval=1, out=out))
    trainer.run()
    assert '4 iter, 2 epoch / 2 epochs' in out.getvalue()


def test_unknown_training_length():
    trainer = testing.get_trainer_with_mock_updater(
        lambda t: t.updater.iteration >= 2)
    trainer.extend(extensions.ProgressBar(out=io.StringIO()))
    with pytest.raises(TypeError):
        trainer.run(show_loop_exception_msg=False)


def test_past_the_training_length_stays_at_100_percent(monkeypatch):
    # The bar's length says 4 iterations but training goes on to 6: v5
    # shows "100.00%" (not 150.00%) and a zero estimated time.
    from chainer.training.extensions import progress_bar
    import types
    clock = iter([100.0, 101.0, 102.0])
    monkeypatch.setattr(progress_bar, 'time',
                        types.SimpleNamespace(time=lambda: next(clock)))
    out = io.StringIO()
    trainer = testing.get_trainer_with_mock_updater((6, 'iteration'),
                                                    iter_per_epoch=4)
    trainer.extend(extensions.ProgressBar(
        training_length=(4, 'iteration'), update_interval=2,
        bar_length=10, out=out))
    trainer.run()
    chunks = out.getvalue().split('\033[4A')
    expected_last = (
        '\033[J     total [##########] 100.00%\n'
        'this epoch [#####.....] 50.00%\n'
        '         6 iter, 1 epoch / 4 iterations\n'
        '         2 iters/sec. Estimated time to finish: 0:00:00.\n')
    assert chunks[2] == expected_last
    expected_second = (
        '\033[J     total [##########] 100.00%\n'
        'this epoch [..........]  0.00%\n'
        '         4 iter, 1 epoch / 4 iterations\n'
        '         2 iters/sec. Estimated time to finish: 0:00:00.\n')
    assert chunks[1] == expected_second
