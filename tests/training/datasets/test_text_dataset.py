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


def test_list_of_one_path_gives_bare_lines(tmp_path):
    # v5 returns lines[0] whenever there is one file, list or not.
    path = _write(tmp_path, 'a.txt', 'x\ny\n')
    seen = []
    ds = TextDataset([path], filter_func=lambda line: seen.append(line)
                     or line != 'x\n')
    assert seen == ['x\n', 'y\n']
    assert len(ds) == 1 and ds[0] == 'y\n'
    assert TextDataset([path])[1] == 'y\n'


def test_no_path_and_negative_index_raise(tmp_path):
    with pytest.raises(ValueError):
        TextDataset([])
    ds = TextDataset(_write(tmp_path, 'a.txt', 'x\ny\n'))
    with pytest.raises(IndexError):
        ds[-1]
    with pytest.raises(IndexError):
        ds[2]


def test_option_count_mismatch(tmp_path):
    a = _write(tmp_path, 'a.txt', '1\n')
    b = _write(tmp_path, 'b.txt', '2\n')
    with pytest.raises(ValueError):
        TextDataset([a, b], encoding=['utf-8'])
