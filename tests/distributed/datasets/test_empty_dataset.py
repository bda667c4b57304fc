from chainermn import datasets


def test_create_empty_dataset():
    empty = datasets.create_empty_dataset(list('abcd'))
    assert empty == [(), (), (), ()]
    assert datasets.create_empty_dataset([]) == []
