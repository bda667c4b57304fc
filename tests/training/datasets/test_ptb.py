import hashlib
import os

import numpy
import pytest

from chainer.dataset import download
from chainer import datasets
from chainer.datasets import ptb


@pytest.fixture
def dataset_root(tmp_path, monkeypatch):
    monkeypatch.setattr(download, '_dataset_root', str(tmp_path))
    monkeypatch.setattr(download.request, 'urlretrieve', None)
    root = tmp_path / '_dl_cache'
    root.mkdir()
    texts = {ptb._train_url: ' the cat sat \n the dog \n',
             ptb._valid_url: ' dog sat \n',
             ptb._test_url: ' the cat \n'}
    for url, text in texts.items():
        name = hashlib.md5(url.encode('utf-8')).hexdigest()
        (root / name).write_text(text)
    return tmp_path


def test_words_and_vocabulary(dataset_root):
    vocab = datasets.get_ptb_words_vocabulary()
    assert vocab == {'the': 0, 'cat': 1, 'sat': 2, '<eos>': 3, 'dog': 4}
    train, valid, test = datasets.get_ptb_words()
    assert train.dtype == numpy.int32
    numpy.testing.assert_array_equal(train, [0, 1, 2, 3, 0, 4, 3])
    numpy.testing.assert_array_equal(valid, [4, 2, 3])
    numpy.testing.assert_array_equal(test, [0, 1, 3])
    cache = os.path.join(str(dataset_root), 'pfnet', 'chainer', 'ptb')
    assert sorted(os.listdir(cache)) == ['test.npz', 'train.npz',
                                         'valid.npz', 'vocab.txt']
    # Loaded from the cache the second time.
    assert datasets.get_ptb_words_vocabulary() == vocab


def test_reads_v5_cache(tmp_path, monkeypatch):
    # v5's cache: vocab.txt (one word per line, the line number is the ID)
    # and {train,valid,test}.npz holding the int32 IDs under key x.
    monkeypatch.setattr(download, '_dataset_root', None)
    monkeypatch.setenv('CHAINER_DATASET_ROOT', str(tmp_path))
    monkeypatch.setattr(download.request, 'urlretrieve', None)
    cache = tmp_path / 'pfnet' / 'chainer' / 'ptb'
    cache.mkdir(parents=True)
    (cache / 'vocab.txt').write_text('a\nb\n<eos>\n')
    ids = {'train': [0, 1, 2], 'valid': [1, 2], 'test': [0, 0, 2]}
    for name, x in ids.items():
        numpy.savez_compressed(str(cache / (name + '.npz')),
                               x=numpy.array(x, numpy.int32))
    assert datasets.get_ptb_words_vocabulary() == {
        'a': 0, 'b': 1, '<eos>': 2}
    for got, name in zip(datasets.get_ptb_words(),
                         ('train', 'valid', 'test')):
        assert got.dtype == numpy.int32
        numpy.testing.assert_array_equal(got, ids[name])
