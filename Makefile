# One-command set-up: every target creates .venv with $(PYTHON) when it is
# missing and installs the four packages (editable) and the test tools from
# PyPI. A stamp file makes the second run fast; editing a pyproject.toml or
# this Makefile re-installs.
#
#   make demo        data-parallel training (mpiexec -n 2), plots in result/
#   make test        the CPU test suite (2 processes), then the MPI tests
#                    under mpiexec -n 2
#   make test-slow   the tests marked slow
#   make bench       chainer against PyTorch CPU (installs torch)

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
# Worker processes for pytest-xdist; "make test XDIST=" runs in one process.
XDIST ?= -n 2
PYTEST_ARGS ?=

PACKAGES := packages/core packages/links packages/training packages/distributed
PYPROJECTS := $(addsuffix /pyproject.toml,$(PACKAGES))

# mpich from PyPI ships the MPI runtime (.venv/bin/mpiexec); the mpi4py
# wheel loads it at run time, so no compiler and no system MPI are needed.
# hatchling, editables and build: editable installs and tests/test_packaging.py build
# the packages without build isolation, so they need no network.
# scikit-learn and matplotlib: the demo (and its test) and PlotReport.
DEV_DEPS := hatchling editables build "numpy>=2" scipy h5py mpich mpi4py \
	pytest pytest-xdist pytest-mpi scikit-learn matplotlib
DEMO_DEPS := scikit-learn matplotlib
# On PyPI torch 2.13.0 is the CUDA build; where pip is set up with a local
# folder of wheels (find-links) the CPU build there is taken instead.
BENCH_DEPS := torch==2.13.0

STAMP := $(VENV)/.stamp-dev
DEMO_STAMP := $(VENV)/.stamp-demo
BENCH_STAMP := $(VENV)/.stamp-bench

.PHONY: all install demo test test-slow bench bench-mpi clean

all: test

install: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(PYPROJECTS) Makefile | $(PY)
	$(PIP) install $(DEV_DEPS)
	$(PIP) install --no-build-isolation \
		-e packages/core -e packages/links -e packages/training \
		-e "packages/distributed[mpi]"
	touch $@

$(DEMO_STAMP): $(STAMP)
	$(PIP) install $(DEMO_DEPS)
	touch $@

$(BENCH_STAMP): $(STAMP)
	$(PIP) install $(BENCH_DEPS)
	touch $@

# The main job: data-parallel training under two MPI ranks (ChainerMN).
demo: $(DEMO_STAMP)
	$(VENV)/bin/mpiexec -n 2 $(PY) examples/demo.py

# The MPI run: tests marked mpi, under two ranks. It runs only when some test
# in tests/distributed is marked mpi; there pytest's exit code 5 ("no tests
# collected", e.g. all deselected) counts as success, and nowhere else.
test: $(STAMP)
	$(PY) -m pytest $(XDIST) -m "not gpu and not slow" $(PYTEST_ARGS) tests
	@if grep -rqsE 'mark\.mpi\b' tests/distributed; then \
		echo "$(VENV)/bin/mpiexec -n 2 $(PY) -m pytest -m mpi tests/distributed"; \
		status=0; \
		timeout 1200 $(VENV)/bin/mpiexec -n 2 $(PY) -m pytest -q -m mpi \
			$(PYTEST_ARGS) tests/distributed || status=$$?; \
		if [ $$status -ne 0 ] && [ $$status -ne 5 ]; then exit $$status; fi; \
	else \
		echo "No test in tests/distributed is marked mpi: no mpiexec run."; \
	fi

# Exit code 5 means there is no slow test yet, which is not a failure.
test-slow: $(STAMP)
	$(PY) -m pytest $(XDIST) -m "slow and not gpu" $(PYTEST_ARGS) tests \
		|| [ $$? -eq 5 ]

# Some machines force OPENBLAS_CORETYPE (an old kernel, for old OpenBLAS
# builds); numpy 2's own OpenBLAS picks the right one, so the benchmark
# (and only it) runs with both variables unset.
bench: $(BENCH_STAMP)
	env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $(PY) benchmarks/run.py

# allreduce_grad of a ResNet-50-sized model against one raw MPI Allreduce,
# under two ranks.
bench-mpi: $(STAMP)
	env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
		$(VENV)/bin/mpiexec -n 2 $(PY) benchmarks/bench_allreduce.py

clean:
	rm -rf result build dist .tox
	find packages tests benchmarks examples -name __pycache__ -type d \
		-prune -exec rm -rf {} +
