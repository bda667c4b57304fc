import importlib.metadata

import pytest

from chainer.testing import _requirement


def test_version_order():
    versions = ['0.9', '1.0.dev0', '1.0a1', '1.0a2', '1.0b1', '1.0rc1',
                '1.0', '1.0.post1', '1.1.dev1', '1.1', '1.10', '1!0.1']
    shuffled = versions[::2] + versions[1::2]
    assert sorted(shuffled, key=_requirement.version_key) == versions


@pytest.mark.parametrize('a, b', [
    ('1.0', '1.0.0'), ('1.0', '1'), ('1.0rc1', '1.0c1'),
    ('1.0-1', '1.0.post1'),
    ('v2.1', '2.1'), ('1.0+local.7', '1.0'), ('1.0alpha1', '1.0a1'),
])
def test_equal_versions(a, b):
    assert _requirement.version_key(a) == _requirement.version_key(b)


@pytest.mark.parametrize('version, op, spec, expected', [
    ('1.13.1', '>=', '1.13', True),
    ('1.12.9', '>=', '1.13', False),
    ('2.0', '<', '2', False),
    ('2.0rc1', '<', '2', True),
    ('1.2.3', '==', '1.2.*', True),
    ('1.3', '==', '1.2.*', False),
    ('1.2', '!=', '1.2.*', False),
    ('2.2.5', '~=', '2.2', True),
    ('3.0', '~=', '2.2', False),
    ('1.4.9', '~=', '1.4.5', True),
    ('1.5.0', '~=', '1.4.5', False),
    ('1.4.4', '~=', '1.4.5', False),
    ('abc', '===', 'abc', True),
])
def test_match(version, op, spec, expected):
    assert _requirement._match(version, op, spec) is expected


def test_is_satisfied_against_installed():
    numpy_version = importlib.metadata.version('numpy')
    major = numpy_version.split('.')[0]
    assert _requirement.is_satisfied('numpy')
    assert _requirement.is_satisfied('numpy==' + numpy_version)
    assert _requirement.is_satisfied('numpy[extra] >= 1.0, <100')
    assert _requirement.is_satisfied('NumPy==%s.*' % major)
    assert not _requirement.is_satisfied('numpy<1.0')
    assert not _requirement.is_satisfied('numpy!=' + numpy_version)
    assert not _requirement.is_satisfied('no-such-dist-xyz')
    assert _requirement.is_satisfied('numpy>=1; python_version > "3"')


@pytest.mark.parametrize('bad', ['', 'numpy >> 1', 'numpy>=', 'numpy>=x.y',
                                 'numpy~=1', 'numpy>=1.*'])
def test_invalid(bad):
    with pytest.raises(ValueError):
        _requirement.is_satisfied(bad)
