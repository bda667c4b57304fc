import pickle

import pytest

from chainer.datasets import TextDataset


def _write(tmp_path, name, text, encoding='utf-8'):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_single_file(tmp_path):
    path = _write(tmp_path, 'a.txt', 'hello\nworld\n\nlast')
    ds = TextDataset(path)
    assert len(ds) == 4
    assert ds[0] == 'hello\n' and ds[2] == '\n' and ds[3] == 'last'
    assert ds[1:3] == ['world\n', '\n']
    assert pickle.loads(pickle.dumps(ds))[1] == 'world\n'


def test_parallel_files_encoding_and_filter(tmp_path):
    en = _write(tmp_path, 'en.txt', 'Hello\nskip\nBye\n')
    ja = _write(tmp_path, 'ja.txt', 'こんにちは\nx\nさようなら\n',
                encoding='utf-16')
    ds = TextDataset([en, ja], encoding=['utf-8', 'utf-16'],
                     filter_func=lambda a, b: a != 'skip\n')
    assert len(ds) == 2
    assert ds[0] == ('Hello\n', 'こんにちは\n')
    assert ds[1] == ('Bye\n', 'さようなら\n')


def test_line_count_mismatch(tmp_path):
    a = _write(tmp_path, 'a.txt', '1\n2\n')
    b = _write(tmp_path, 'b.txt', '1\n')
    with pytest.raises(ValueError):
        TextDataset([a, b])
