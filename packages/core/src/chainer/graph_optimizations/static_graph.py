"""``static_graph``: record a static chain once, then replay it.

Experimental in Chainer v5. The first call of a decorated ``__call__`` /
``forward`` for an input signature runs define-by-run while a trace records
every function application; later calls with the same signature replay the
recorded functions on the new arrays as one node of the graph, skipping
the per-function Python overhead (type checks, hooks, Variable and graph
construction, the backward traversal).
"""
import collections
import functools
import warnings
import weakref

from chainer import configuration
from chainer.graph_optimizations import _args
from chainer.graph_optimizations import _build
from chainer.graph_optimizations import _recorder
from chainer.graph_optimizations import _schedule
from chainer.graph_optimizations import static_graph_utilities
from chainer import link

StaticScheduleFunction = _schedule.StaticScheduleFunction
static_code = static_graph_utilities.static_code

_config_local = configuration.config._local
_global_config = configuration.global_config
_MISSING = object()

# Cache value of a signature whose recording cannot be replayed.
_DEFINE_BY_RUN = 'define-by-run'

_OPTIONS = ('force_test_define_by_run', 'minimize_cache_size',
            'verbosity_level', 'enable_double_backprop')


def _nobody():
    return None


class ScheduleManager(object):

    """The static schedules of one static chain (``chain.schedule_manager``).

    One schedule is cached per input signature (shapes, dtypes, nesting and
    ``requires_grad`` of the inputs, ``chainer.config.train`` and
    ``enable_backprop``). Copies and pickles of a chain start empty: a
    schedule refers to the parameters of the chain that recorded it.

    Attributes:
        schedules (OrderedDict): Signature -> schedule.
    """

    def __init__(self, chain=None, minimize_cache_size=False,
                 verbosity_level=0):
        self._owner = weakref.ref(chain) if chain is not None else _nobody
        self.minimize_cache_size = minimize_cache_size
        self.verbosity_level = verbosity_level
        self.schedules = collections.OrderedDict()

    def end_forward(self):
        """Marks the end of a forward pass (kept for v5 compatibility).

        v5 reuses schedule objects between iterations and needs this call
        when a training iteration does several forward passes without
        backward. Here every call keeps its own state, so it does nothing.
        """

    def __copy__(self):
        return ScheduleManager(None, self.minimize_cache_size,
                               self.verbosity_level)

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __getstate__(self):
        return {'minimize_cache_size': self.minimize_cache_size,
                'verbosity_level': self.verbosity_level}

    def __setstate__(self, state):
        self.__init__(None, **state)

    def __repr__(self):
        return '<ScheduleManager: %d schedule(s)>' % len(self.schedules)


def static_graph(*args, **kwargs):
    """Decorator to mark a Chain's ``__call__()`` as a static sub-graph.

    Experimental (as in Chainer v5). Use it bare (``@static_graph``) or with
    keyword arguments (``@static_graph(verbosity_level=1)``) on the
    ``__call__`` or ``forward`` method of a :class:`~chainer.Chain` whose
    define-by-run code builds the same graph on every call.

    The first call for a given input signature (shapes, dtypes and nesting
    of the inputs, ``chainer.config.train``, ``enable_backprop``) runs the
    define-by-run code as usual and records every Chainer function it
    applies. Later calls with that signature do not run the Python code of
    the method: they re-execute the recorded functions' ``forward`` on the
    new input arrays and the current parameter arrays, as one node of the
    computational graph, whose backward replays the functions' backward
    and accumulates into the parameters' ``grad``. Different signatures get
    separate schedules. Results and gradients equal define-by-run ones.

    Restrictions (not checked unless stated):

    - Inputs are Variables or arrays, inside nested lists/tuples. Keyword
      arguments with plain values (not Variables or arrays) select a
      schedule of their own; others make the call run define-by-run. The
      method returns a Variable or a list, tuple or dict of Variables
      (``TypeError``); as in v5, every list in the result is returned as
      a tuple.
    - No Python control flow that depends on array values, and no raw
      array code on the call's data: only Chainer functions are replayed.
      Put other code that must run every call in a :func:`static_code`
      function. (A raw view of an input or intermediate array is detected
      and makes the chain run define-by-run, with a warning.)
    - Every Variable the method uses must be one of its inputs, a parameter
      or another Variable alive across calls (read anew on each call); a
      link's recurrent state kept as an attribute (e.g. ``L.LSTM``) is
      therefore not static. (Recording with backprop detects a Variable
      computed before the call that is not an argument, and runs
      define-by-run, with a warning.)
    - Static chains cannot be nested (``RuntimeError``).
    - Double backprop through a replayed call raises ``RuntimeError``;
      with ``enable_double_backprop=True`` the chain always runs
      define-by-run instead. Per-function hooks, link hooks of sub-links and
      ``retain_grad`` do not see the inside of a replayed call.
    - ``chainer.config.use_static_graph = False`` and
      ``chainer.config.debug = True`` run define-by-run.

    Args:
        force_test_define_by_run (bool): Run define-by-run when
            ``chainer.config.train`` is ``False``.
        minimize_cache_size (bool): Keep only the latest schedule (a new
            signature, e.g. another batch size, replaces it).
        verbosity_level (int): 0 prints nothing (warnings only), 1 reports
            each new schedule, 2 also reports every replay.
        enable_double_backprop (bool): Allow double backprop (by running
            define-by-run).

    Returns:
        The wrapped method (or, with keyword arguments, a decorator).
    """
    # v5 ignores unknown keyword arguments and positional arguments other
    # than the method itself; we ignore them too, with a warning.
    unknown = set(kwargs) - set(_OPTIONS)
    if unknown:
        warnings.warn('static_graph ignores unknown keyword arguments: %s'
                      % ', '.join(sorted(unknown)))
    options = dict.fromkeys(_OPTIONS, False)
    options['verbosity_level'] = 0
    options.update((k, v) for k, v in kwargs.items() if k in _OPTIONS)
    if len(args) == 1 and not kwargs and callable(args[0]):
        return _wrap(args[0], options)
    if args:
        warnings.warn('static_graph ignores positional arguments other '
                      'than the decorated method')
    return lambda func: _wrap(func, options)


def _wrap(func, options):
    verbosity = options['verbosity_level']
    test_dbr = options['force_test_define_by_run']
    always_dbr = options['enable_double_backprop']

    @functools.wraps(func)
    def wrapped(chain, *args, **kwargs):
        # Config is read from the thread's dict directly: this runs on
        # every call, and chainer.config's __getattr__ is comparatively slow.
        local = _config_local.__dict__
        if (always_dbr or not _flag(local, 'use_static_graph') or
                _flag(local, 'debug') or
                (test_dbr and not _flag(local, 'train'))):
            return func(chain, *args, **kwargs)
        if _flag(local, 'schedule_func') is not None:
            raise RuntimeError(
                'static_graph: static chains cannot be nested; %s is '
                'called inside another static chain' % type(chain).__name__)
        if not isinstance(chain, link.Link):
            raise TypeError('static_graph decorates a method of a Chain, '
                            'but it was called on %s' % type(chain))
        args = _args.arrays_to_variables(args)
        kw_key = ()
        if kwargs:
            # v5 passes keyword arguments to the first call only and then
            # replays that call whatever they are. Here plain values (not
            # Variables or arrays) select the schedule; others run
            # define-by-run.
            kw_key = _args.keyword_key(kwargs)
            if kw_key is None:
                return _args.lists_to_tuples(func(chain, *args, **kwargs))
        leaves, structure = _args.flatten_inputs(args)
        sig, unique = _args.input_signature(leaves)
        if sig is None:
            # Aliased inputs: see input_signature.
            return _args.lists_to_tuples(func(chain, *args, **kwargs))
        backprop = bool(_flag(local, 'enable_backprop'))
        key = (func, structure, sig, bool(_flag(local, 'train')), backprop,
               kw_key)
        manager = _manager(chain, options)
        sched = manager.schedules.get(key)
        if sched is _DEFINE_BY_RUN:
            return _args.lists_to_tuples(func(chain, *args, **kwargs))
        if sched is not None and sched.externals_valid():
            if verbosity >= 2:
                print('static_graph: replaying %s' % sched.label)
            return _replay(sched, leaves, backprop)
        return _record(func, chain, args, kwargs, leaves, unique, key,
                       manager, verbosity)

    return wrapped


def _flag(local, name):
    value = local.get(name, _MISSING)
    if value is _MISSING:
        return getattr(_global_config, name)
    return value


def _manager(chain, options):
    manager = chain.__dict__.get('schedule_manager')
    if manager.__class__ is not ScheduleManager or \
            manager._owner() is not chain:
        manager = ScheduleManager(chain, options['minimize_cache_size'],
                                  options['verbosity_level'])
        chain.schedule_manager = manager
    return manager


def _record(func, chain, args, kwargs, leaves, unique, key, manager,
            verbosity):
    recorder = _recorder.Recorder(chain, leaves)
    with configuration.using_config('schedule_func', recorder):
        with recorder:
            out = func(chain, *args, **kwargs)
    out_leaves, out_structure = _args.flatten_outputs(out)
    label = '%s.%s' % (type(chain).__name__, func.__name__)
    sched = _build.build(recorder, unique, out_leaves, out_structure, label)
    if manager.minimize_cache_size:
        manager.schedules.clear()
    if isinstance(sched, str):
        warnings.warn('static_graph: %s runs define-by-run: %s'
                      % (label, sched), RuntimeWarning)
        manager.schedules[key] = _DEFINE_BY_RUN
    else:
        manager.schedules[key] = sched
        if verbosity >= 1:
            print('static_graph: recorded %s: %d steps, %d backward steps'
                  % (label, len(sched.steps), len(sched.backward_steps)))
    return _args.unflatten(out_structure, out_leaves)


def _replay(sched, leaves, backprop):
    inputs = [leaves[i] for i in sched.unique_leaves]
    inputs += sched.external_vars
    keep = False
    if backprop:
        for x in inputs:
            if getattr(x, '_requires_grad', False):
                keep = True
                break
    outs = StaticScheduleFunction(sched, keep).apply(inputs)
    return _args.unflatten(sched.out_structure, outs)
