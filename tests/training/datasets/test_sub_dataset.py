import numpy
import pytest

from chainer import datasets


def test_sub_dataset_with_order():
    base = list(range(10))
    order = numpy.random.RandomState(0).permutation(10)
    sub = datasets.SubDataset(base, 2, 6, order)
    assert len(sub) == 4
    assert sub[:] == order[2:6].tolist()
    assert sub[-1] == order[5]
    with pytest.raises(IndexError):
        sub[4]
    with pytest.raises(IndexError):
        sub[-5]


def test_sub_dataset_errors():
    with pytest.raises(ValueError):
        datasets.SubDataset([1, 2], 0, 3)
    with pytest.raises(ValueError):
        datasets.SubDataset([1, 2], -1, 1)
    with pytest.raises(ValueError):
        datasets.SubDataset([1, 2], 0, 1, order=[0])


def test_split_dataset():
    a, b = datasets.split_dataset(list(range(5)), 3, order=[4, 3, 2, 1, 0])
    assert a[:] == [4, 3, 2] and b[:] == [1, 0]
    a, b = datasets.split_dataset(list(range(5)), numpy.int64(0))
    assert len(a) == 0 and len(b) == 5
    with pytest.raises(TypeError):
        datasets.split_dataset([1, 2], 1.5)
    with pytest.raises(ValueError):
        datasets.split_dataset([1, 2], -1)
    with pytest.raises(ValueError):
        datasets.split_dataset([1, 2], 3)


def test_split_dataset_random_is_seeded():
    a, b = datasets.split_dataset_random(list(range(10)), 4, seed=3)
    perm = numpy.random.RandomState(3).permutation(10)
    assert a[:] == perm[:4].tolist() and b[:] == perm[4:].tolist()
    c, _ = datasets.split_dataset_random(list(range(10)), 4, seed=3)
    assert c[:] == a[:]


def test_split_dataset_n():
    parts = datasets.split_dataset_n(list(range(7)), 3)
    assert [p[:] for p in parts] == [[0, 1], [2, 3], [4, 5]]
    parts = datasets.split_dataset_n_random(list(range(6)), 2, seed=1)
    perm = numpy.random.RandomState(1).permutation(6)
    assert [p[:] for p in parts] == [perm[:3].tolist(), perm[3:].tolist()]


def test_cross_validation():
    splits = datasets.get_cross_validation_datasets(list(range(7)), 3)
    # Parts of sizes 2, 2, 3; split k tests on part 2 - k.
    assert [(tr[:], te[:]) for tr, te in splits] == [
        ([0, 1, 2, 3], [4, 5, 6]),
        ([4, 5, 6, 0, 1], [2, 3]),
        ([2, 3, 4, 5, 6], [0, 1])]
    tests = sorted(x for _, te in splits for x in te[:])
    assert tests == list(range(7))


def test_cross_validation_random():
    splits = datasets.get_cross_validation_datasets_random(
        list(range(6)), 2, seed=4)
    perm = numpy.random.RandomState(4).permutation(6).tolist()
    assert splits[0][1][:] == perm[3:]
    assert splits[1][1][:] == perm[:3]
    for train, test in splits:
        assert sorted(train[:] + test[:]) == list(range(6))


def test_random_splits_without_seed_leave_global_rng_alone():
    # v5 draws from a fresh RandomState(None), so numpy.random.seed does
    # not fix these splits and they do not shift the global stream.
    numpy.random.seed(0)
    expected = numpy.random.uniform()
    numpy.random.seed(0)
    datasets.split_dataset_random(list(range(10)), 4)
    datasets.split_dataset_n_random(list(range(10)), 3)
    datasets.get_cross_validation_datasets_random(list(range(10)), 3)
    assert numpy.random.uniform() == expected


def _v5_cross_validation(order, n_fold):
    # v5 takes the test part from the end of the order and rotates the
    # order right by that part's size before the next split; the parts are
    # visited from the last one.
    n = len(order)
    borders = [n * i // n_fold for i in range(n_fold + 1)]
    sizes = [borders[i + 1] - borders[i] for i in range(n_fold)]
    order = list(order)
    out = []
    for size in reversed(sizes):
        out.append((order[:n - size], order[n - size:]))
        order = order[n - size:] + order[:n - size]
    return out


def test_cross_validation_random_matches_v5_rotation():
    data = list(range(100, 111))
    splits = datasets.get_cross_validation_datasets_random(data, 4, seed=9)
    perm = numpy.random.RandomState(9).permutation(11)
    expected = _v5_cross_validation([data[i] for i in perm], 4)
    assert [(tr[:], te[:]) for tr, te in splits] == expected


def test_cross_validation_more_folds_than_examples():
    # v5 raises ValueError (from numpy, while rotating past an empty test
    # part) when a non-empty dataset has fewer examples than folds.
    with pytest.raises(ValueError):
        datasets.get_cross_validation_datasets([1, 2], 3)
    with pytest.raises(ValueError):
        datasets.get_cross_validation_datasets_random([1, 2], 3, seed=0)
    splits = datasets.get_cross_validation_datasets([], 2)
    assert [(len(tr), len(te)) for tr, te in splits] == [(0, 0), (0, 0)]
    splits = datasets.get_cross_validation_datasets([1, 2, 3], 3)
    assert [te[:] for _, te in splits] == [[3], [2], [1]]
