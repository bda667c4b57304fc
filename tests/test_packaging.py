"""The four distributions build, and install alone or together.

Works offline: wheels are built without build isolation (hatchling comes
from the running environment), and the throw-away virtual environments get
numpy by a ``.pth`` file pointing at a folder that links only numpy's own
files from the running environment, so pip sees numpy installed and needs
no index.
"""

import importlib.metadata
import os
import pathlib
import subprocess
import sys
import textwrap
import zipfile

import pytest


ROOT = pathlib.Path(__file__).resolve().parents[1]
DISTRIBUTIONS = {
    'chainer-core': 'core',
    'chainer-links': 'links',
    'chainer-training': 'training',
    'chainer-distributed': 'distributed',
}
# Files each wheel must hold: one per subpackage it adds.
EXPECTED_FILES = {
    'chainer-core': ['chainer/__init__.py', 'chainer/_version.py'],
    'chainer-links': ['chainer/links/__init__.py'],
    'chainer-training': ['chainer/training/__init__.py',
                         'chainer/datasets/__init__.py',
                         'chainer/iterators/__init__.py'],
    'chainer-distributed': ['chainermn/__init__.py'],
}


def _run(args, **kwargs):
    """Runs a command; on failure the assertion shows its whole output."""
    env = dict(os.environ)
    # Keep the child away from this checkout and from the user site.
    env.pop('PYTHONPATH', None)
    env['PIP_DISABLE_PIP_VERSION_CHECK'] = '1'
    proc = subprocess.run(
        [str(a) for a in args], stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, env=env, timeout=300, **kwargs)
    assert proc.returncode == 0, '%s failed:\n%s' % (args, proc.stdout)
    return proc.stdout


@pytest.fixture(scope='session')
def wheel_dir(tmp_path_factory):
    return tmp_path_factory.mktemp('wheels')


@pytest.fixture(scope='session')
def build_wheel(wheel_dir):
    """Returns a function building (once) the wheel of a distribution."""
    built = {}

    def build(dist):
        if dist not in built:
            out = wheel_dir / dist
            _run([sys.executable, '-m', 'pip', 'wheel', '--no-deps',
                  '--no-build-isolation', '--no-index', '-q',
                  '-w', out, ROOT / 'packages' / DISTRIBUTIONS[dist]])
            wheels = list(out.glob('*.whl'))
            assert len(wheels) == 1, wheels
            built[dist] = wheels[0]
        return built[dist]

    return build


def _host_packages_dir(tmp_path, names):
    """A folder exposing only the named distributions of this environment."""
    deps = tmp_path / 'deps'
    deps.mkdir()
    for name in names:
        dist = importlib.metadata.distribution(name)
        site = pathlib.Path(dist.locate_file(''))
        tops = {pathlib.PurePath(f).parts[0] for f in dist.files}
        for top in sorted(tops):
            if top != '..' and (site / top).exists() and \
                    not (deps / top).exists():
                (deps / top).symlink_to(site / top)
    return deps


def _fresh_venv(tmp_path, host_packages=('numpy',)):
    """A venv with no chainer at all; numpy (and other named third-party
    distributions) come from this environment, since tests are offline."""
    venv = tmp_path / 'venv'
    _run([sys.executable, '-m', 'venv', '--without-pip', venv])
    python = venv / 'bin' / 'python'
    purelib = _run([python, '-I', '-c',
                    'import sysconfig; print(sysconfig.get_path("purelib"))'])
    pth = pathlib.Path(purelib.strip()) / '_numpy_from_host.pth'
    pth.write_text('%s\n' % _host_packages_dir(tmp_path, host_packages))
    return python


def _pip_install(python, wheel_dir, *requirements):
    _run([sys.executable, '-m', 'pip', '--python', python, 'install',
          '--no-index', '--find-links', wheel_dir, '-q'] + list(requirements))


def _python(python, code, cwd):
    # -I: isolated mode, so neither cwd nor PYTHONPATH can supply chainer.
    return _run([python, '-I', '-c', textwrap.dedent(code)], cwd=cwd)


@pytest.mark.parametrize('dist', sorted(DISTRIBUTIONS))
def test_wheel_builds(build_wheel, dist):
    wheel = build_wheel(dist)
    assert wheel.name.startswith(dist.replace('-', '_') + '-5.')
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    for expected in EXPECTED_FILES[dist]:
        assert expected in names, (expected, sorted(names))
    tops = {n.split('/')[0] for n in names if '.dist-info/' not in n}
    assert tops == {'chainermn' if dist == 'chainer-distributed'
                    else 'chainer'}


@pytest.mark.parametrize('dist', ['chainer-links', 'chainer-training',
                                  'chainer-distributed'])
def test_sibling_ships_no_chainer_init(build_wheel, dist):
    with zipfile.ZipFile(build_wheel(dist)) as zf:
        names = zf.namelist()
    assert 'chainer/__init__.py' not in names
    # Nor any other module at the top of the shared chainer package.
    assert not [n for n in names
                if n.startswith('chainer/') and n.count('/') == 1]


def test_no_chainer_init_in_sibling_sources():
    for sub in ('links', 'training', 'distributed'):
        src = ROOT / 'packages' / sub / 'src'
        assert not (src / 'chainer' / '__init__.py').exists()
    # A stray chainer/ or chainermn/ folder elsewhere would join the package.
    for top, dirs, _ in os.walk(ROOT):
        rel = pathlib.Path(top).relative_to(ROOT).parts
        if not rel:
            dirs[:] = [d for d in dirs if not d.startswith('.')
                       and d not in ('build', 'dist')]
        elif len(rel) == 3 and rel[0] == 'packages' and rel[2] == 'src':
            dirs[:] = []  # the one place these names belong
        for name in ('chainer', 'chainermn'):
            assert name not in dirs, os.path.join(top, name)


def test_core_alone(build_wheel, wheel_dir, tmp_path):
    build_wheel('chainer-core')
    python = _fresh_venv(tmp_path)
    _pip_install(python, wheel_dir / 'chainer-core', 'chainer-core')
    out = _python(python, '''
        import importlib.metadata, numpy, chainer
        print(chainer.__file__)
        print(sorted(d.metadata['Name'] for d in
                     importlib.metadata.distributions()))
        x = chainer.Variable(numpy.array([1., 2., 3.], dtype=numpy.float32))
        y = x * x
        y.grad = numpy.ones(3, dtype=numpy.float32)
        y.backward()
        print(x.grad.tolist())
        for name, dist in [('links', 'chainer-links'),
                           ('training', 'chainer-training'),
                           ('datasets', 'chainer-training'),
                           ('iterators', 'chainer-training')]:
            try:
                getattr(chainer, name)
            except AttributeError as e:
                assert dist in str(e), (name, str(e))
            else:
                raise AssertionError('chainer.%s should be missing' % name)
        try:
            import chainermn
        except ImportError:
            pass
        else:
            raise AssertionError('chainermn should be missing')
        print('ok')
        ''', cwd=tmp_path)
    lines = out.splitlines()
    assert str(ROOT) not in lines[0]
    assert 'site-packages' in lines[0]
    assert eval(lines[1]) == ['chainer-core', 'numpy']
    assert lines[2] == '[2.0, 4.0, 6.0]'
    assert lines[-1] == 'ok'


def test_all_four_together(build_wheel, tmp_path):
    links = tmp_path / 'wheels'
    links.mkdir()
    for dist in DISTRIBUTIONS:
        wheel = build_wheel(dist)
        (links / wheel.name).symlink_to(wheel)
    # chainer-links needs protobuf (Caffe support), as v5 did.
    python = _fresh_venv(tmp_path, ('numpy', 'protobuf'))
    # Only chainer-distributed is named: pip must pull in the other three.
    _pip_install(python, links, 'chainer-distributed')
    out = _python(python, '''
        import chainer, chainermn
        import chainer.links, chainer.training
        import chainer.datasets, chainer.iterators
        print(len(chainer.__path__))
        print(chainer.links.__name__, chainer.training.__name__,
              chainer.datasets.__name__, chainer.iterators.__name__)
        print(chainermn.__version__)
        ''', cwd=tmp_path)
    lines = out.splitlines()
    assert lines[0] == '1'
    assert lines[1] == ('chainer.links chainer.training chainer.datasets '
                        'chainer.iterators')
    assert lines[2].startswith('5.')
