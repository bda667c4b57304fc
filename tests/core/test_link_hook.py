import pytest

import chainer


class Recorder(chainer.LinkHook):

    name = 'Recorder'

    def __init__(self, log, tag='r'):
        self.log = log
        self.tag = tag

    def added(self, link):
        self.log.append((self.tag, 'added', link))

    def deleted(self, link):
        self.log.append((self.tag, 'deleted', link))

    def forward_preprocess(self, args):
        self.log.append((self.tag, 'pre', args.link, args.forward_name,
                         args.args, dict(args.kwargs)))

    def forward_postprocess(self, args):
        self.log.append((self.tag, 'post', args.link, args.forward_name,
                         args.args, dict(args.kwargs), args.out))


class Add(chainer.Link):

    def forward(self, x, y=0):
        return x + y


class Outer(chainer.Chain):

    def __init__(self):
        super(Outer, self).__init__()
        with self.init_scope():
            self.inner = Add()

    def forward(self, x):
        return self.inner(x, y=1) * 2


def test_base_hook_does_nothing():
    hook = chainer.LinkHook()
    assert hook.name == 'LinkHook'
    link = Add()
    link.add_hook(hook)
    assert link(1, 2) == 3


def test_local_hook_sees_args_and_output():
    log = []
    link = Add()
    hook = Recorder(log)
    assert link.add_hook(hook) is link
    assert log == [('r', 'added', link)]
    assert list(link.local_link_hooks.items()) == [('Recorder', hook)]
    assert link(2, y=3) == 5
    assert log[1:] == [
        ('r', 'pre', link, 'forward', (2,), {'y': 3}),
        ('r', 'post', link, 'forward', (2,), {'y': 3}, 5)]
    link.delete_hook('Recorder')
    assert log[-1] == ('r', 'deleted', link)
    assert link.local_link_hooks == {}
    link(1)
    assert len(log) == 4


def test_add_hook_name_and_errors():
    link = Add()
    log = []
    link.add_hook(Recorder(log), name='custom')
    assert list(link.local_link_hooks) == ['custom']
    with pytest.raises(KeyError):
        link.add_hook(Recorder(log), name='custom')
    with pytest.raises(TypeError):
        link.add_hook(object())
    with pytest.raises(KeyError):
        link.delete_hook('missing')


def test_global_hook_with_statement_covers_nested_links():
    log = []
    model = Outer()
    with Recorder(log) as hook:
        assert isinstance(hook, Recorder)
        assert model(1) == 4
    assert log[0] == ('r', 'added', None)
    assert log[-1] == ('r', 'deleted', None)
    events = [(e[1], e[2]) for e in log[1:-1]]
    assert events == [('pre', model), ('pre', model.inner),
                      ('post', model.inner), ('post', model)]
    assert log[3][-1] == 2 and log[4][-1] == 4
    model(1)
    assert len(log) == 6  # unregistered after the block


def test_global_hook_name_must_be_unique():
    with Recorder([]):
        with pytest.raises(KeyError):
            with Recorder([]):
                pass


def test_global_hooks_run_before_local_ones():
    log = []
    link = Add()
    link.add_hook(Recorder(log, 'local'), name='local')
    with Recorder(log, 'global'):
        link(0)
    tags = [(e[0], e[1]) for e in log if e[1] in ('pre', 'post')]
    assert tags == [('global', 'pre'), ('local', 'pre'),
                    ('global', 'post'), ('local', 'post')]


def test_hook_is_not_called_when_forward_raises():
    log = []

    class Bad(chainer.Link):
        def forward(self, x):
            raise ValueError('boom')

    link = Bad()
    link.add_hook(Recorder(log))
    with pytest.raises(ValueError, match='boom'):
        link(1)
    assert [e[1] for e in log] == ['added', 'pre']


def test_callback_args_repr():
    seen = []

    class Keep(chainer.LinkHook):
        def forward_postprocess(self, args):
            seen.append(repr(args))

    link = Add()
    link.add_hook(Keep())
    link(1)
    assert 'forward' in seen[0]
