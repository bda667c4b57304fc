from chainer.backends import intel64


def test_ideep_flags():
    assert isinstance(intel64.is_ideep_available(), bool)
    if not intel64.is_ideep_available():
        assert intel64.should_use_ideep('>=auto') is False
        assert intel64.inputs_all_ready([]) is False
