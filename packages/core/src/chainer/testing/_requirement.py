"""Checks pip requirement strings against installed distributions.

A small PEP 440/508 subset (no ``packaging`` dependency): ``name``,
optional ``[extras]`` (ignored), comma-separated specifiers with
``== != <= >= < > ~= ===`` and ``==X.*`` wildcards. Environment markers
(``; ...``) are ignored.
"""
import importlib.metadata
import re

_REQ = re.compile(r'^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$')
_SPEC = re.compile(r'^\s*(===|==|!=|<=|>=|~=|<|>)\s*([^\s,]+)\s*$')
_VERSION = re.compile(
    r'^v?(?:(?P<epoch>\d+)!)?(?P<rel>\d+(?:\.\d+)*)'
    r'(?:[-_.]?(?P<pre_l>alpha|beta|preview|pre|rc|a|b|c)[-_.]?'
    r'(?P<pre_n>\d*))?'
    r'(?:-(?P<post_i>\d+)|[-_.]?(?P<post_l>post|rev|r)[-_.]?(?P<post_n>\d*))?'
    r'(?:[-_.]?(?P<dev_l>dev)[-_.]?(?P<dev_n>\d*))?'
    r'(?:\+[a-z0-9._]+)?$')
_PRE_RANK = {'a': 0, 'alpha': 0, 'b': 1, 'beta': 1,
             'c': 2, 'rc': 2, 'pre': 2, 'preview': 2}
_INF = float('inf')


def _parse(text):
    m = _VERSION.match(text.strip().lower())
    if m is None:
        raise ValueError('invalid version: {!r}'.format(text))
    return m


def _raw_release(text):
    return tuple(int(p) for p in _parse(text).group('rel').split('.'))


def version_key(text):
    """Sort key of a PEP 440 version; raises ``ValueError`` if invalid."""
    g = _parse(text).groupdict()
    release = list(int(p) for p in g['rel'].split('.'))
    while len(release) > 1 and release[-1] == 0:
        release.pop()  # 1.0 == 1.0.0
    has_post = g['post_i'] is not None or g['post_l'] is not None
    if g['pre_l'] is not None:
        pre = (_PRE_RANK[g['pre_l']], int(g['pre_n'] or 0))
    elif g['dev_l'] is not None and not has_post:
        pre = (-1, 0)  # 1.0.dev0 sorts before 1.0a0
    else:
        pre = (_INF, 0)
    if g['post_i'] is not None:
        post = int(g['post_i'])
    elif g['post_l'] is not None:
        post = int(g['post_n'] or 0)
    else:
        post = -1
    dev = _INF if g['dev_l'] is None else int(g['dev_n'] or 0)
    return (int(g['epoch'] or 0), tuple(release), pre, post, dev)


def _prefix_match(version, prefix):
    head = version_key(version)[1] + (0,) * len(prefix)
    return head[:len(prefix)] == prefix


def _match(version, op, spec):
    if op == '===':
        return version.strip() == spec
    if spec.endswith('.*'):
        if op not in ('==', '!='):
            raise ValueError('a wildcard needs == or !=: {}'.format(spec))
        same = _prefix_match(version, _raw_release(spec[:-2]))
        return same if op == '==' else not same
    v, s = version_key(version), version_key(spec)
    if op == '~=':
        parts = _raw_release(spec)
        if len(parts) < 2:
            raise ValueError('~= needs two release numbers: {}'.format(spec))
        return v >= s and _prefix_match(version, parts[:-1])
    return {'==': v == s, '!=': v != s, '<=': v <= s, '>=': v >= s,
            '<': v < s, '>': v > s}[op]


def _validate_spec(op, spec):
    # Bad specifiers are errors of the test code, reported at once.
    if op == '===':
        return
    if spec.endswith('.*'):
        if op not in ('==', '!='):
            raise ValueError('a wildcard needs == or !=: {}'.format(spec))
        _raw_release(spec[:-2])
        return
    version_key(spec)
    if op == '~=' and len(_raw_release(spec)) < 2:
        raise ValueError('~= needs two release numbers: {}'.format(spec))


def parse_requirement(requirement):
    """Splits a requirement into ``(name, [(op, version), ...])``."""
    m = _REQ.match(requirement.split(';')[0])
    if m is None:
        raise ValueError('invalid requirement: {!r}'.format(requirement))
    name, _, rest = m.groups()
    specs = []
    rest = rest.strip()
    if rest.startswith('(') and rest.endswith(')'):
        rest = rest[1:-1]
    if rest:
        for part in rest.split(','):
            s = _SPEC.match(part)
            if s is None:
                raise ValueError(
                    'invalid requirement: {!r}'.format(requirement))
            _validate_spec(*s.groups())
            specs.append(s.groups())
    return name, specs


def is_satisfied(requirement):
    """Returns whether an installed distribution meets the requirement."""
    name, specs = parse_requirement(requirement)
    try:
        installed = importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    try:
        return all(_match(installed, op, spec) for op, spec in specs)
    except ValueError:
        return False  # an unparsable installed version satisfies nothing
