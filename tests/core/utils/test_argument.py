import pytest

from chainer.utils import argument


def my_function(**kwargs):
    return argument.parse_kwargs(
        kwargs, ('a', 1), ('b', None),
        train='train argument is not supported anymore. '
              'Use chainer.using_config')


def test_parse_kwargs_values():
    assert my_function() == (1, None)
    assert my_function(b=3, a=2) == (2, 3)


def test_parse_kwargs_pops_known_keys():
    kwargs = {'a': 5}
    assert argument.parse_kwargs(kwargs, ('a', 0)) == (5,)
    assert kwargs == {}


def test_parse_kwargs_unknown():
    with pytest.raises(TypeError) as info:
        my_function(a=1, z=2, y=3)
    # v5 lists the keys in the order given, not sorted.
    assert str(info.value) == (
        "my_function() got unexpected keyword argument(s) 'z', 'y'")


def test_parse_kwargs_explained():
    with pytest.raises(ValueError) as info:
        my_function(train=False)
    assert str(info.value) == (
        'train argument is not supported anymore. Use chainer.using_config')


def test_check_unexpected_kwargs():
    argument.check_unexpected_kwargs({'x': 1}, train='no train')
    with pytest.raises(ValueError, match='^no train$'):
        argument.check_unexpected_kwargs({'train': 1}, train='no train')


def test_assert_kwargs_empty():
    argument.assert_kwargs_empty({})

    def caller(**kwargs):
        argument.assert_kwargs_empty(kwargs)
    with pytest.raises(TypeError) as info:
        caller(foo=1)
    # v5 reaches parse_kwargs through assert_kwargs_empty, so the message
    # names the latter.
    assert str(info.value) == (
        "assert_kwargs_empty() got unexpected keyword argument(s) 'foo'")
