import numpy
import pytest


@pytest.fixture(autouse=True)
def _fixed_numpy_seed():
    """Seeds numpy's global generator (gradient checks draw directions
    from it) so that every test is reproducible."""
    state = numpy.random.get_state()
    numpy.random.seed(0)
    yield
    numpy.random.set_state(state)
