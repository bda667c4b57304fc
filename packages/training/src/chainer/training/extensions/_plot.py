"""Optional matplotlib support of the plotting extensions.

Figures are drawn on matplotlib's Agg canvas directly, without pyplot, so
plotting works without a display, whatever backend pyplot would pick, and
leaves pyplot's global state alone.
"""
import warnings

try:
    import matplotlib  # NOQA
    _available = True
except (ImportError, TypeError):
    _available = False


def available():
    """Returns ``True`` if matplotlib can be used (warns otherwise)."""
    if not _available:
        warnings.warn(
            'matplotlib is not installed on your environment, so nothing '
            'will be plotted at this time. Please install matplotlib to '
            'plot figures.\n\n  $ pip install matplotlib\n')
    return _available


def new_figure(**kwargs):
    """A new matplotlib Figure attached to an Agg canvas."""
    from matplotlib.backends import backend_agg
    from matplotlib import figure
    fig = figure.Figure(**kwargs)
    backend_agg.FigureCanvasAgg(fig)
    return fig
