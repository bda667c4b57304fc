"""``create_communicator``: the factory of every communicator."""
import importlib

from chainermn import _mpi

# (name, module in chainermn.communicators, class) of every communicator.
_COMMUNICATORS = (
    ('naive', 'naive_communicator', 'NaiveCommunicator'),
    ('flat', 'flat_communicator', 'FlatCommunicator'),
    ('hierarchical', 'hierarchical_communicator', 'HierarchicalCommunicator'),
    ('two_dimensional', 'two_dimensional_communicator',
     'TwoDimensionalCommunicator'),
    ('single_node', 'single_node_communicator', 'SingleNodeCommunicator'),
    ('non_cuda_aware', 'non_cuda_aware_communicator',
     'NonCudaAwareCommunicator'),
    ('pure_nccl', 'pure_nccl_communicator', 'PureNcclCommunicator'),
    ('dummy', 'dummy_communicator', 'DummyCommunicator'),
)


def create_communicator(communicator_name='hierarchical', mpi_comm=None,
                        allreduce_grad_dtype=None, batched_copy=False):
    """Creates a ChainerMN communicator.

    =================  ===  ===  ============================================
    name               CPU  GPU  needs / recommended for
    =================  ===  ===  ============================================
    ``naive``          OK   OK   MPI only (CUDA-aware for GPU); CPU training
    ``flat``                OK   CUDA-aware MPI
    ``hierarchical``        OK   NCCL + CUDA-aware MPI; one NIC per node
    ``two_dimensional``     OK   NCCL + CUDA-aware MPI; several NICs per node
    ``single_node``         OK   NCCL; a single node with several GPUs
    ``non_cuda_aware``      OK   NCCL; MPI without CUDA support
    ``pure_nccl``           OK   NCCL 2; recommended when it is available
    ``dummy``               OK   no communication (measures packing cost)
    =================  ===  ===  ============================================

    Every communicator's ``allreduce_grad`` computes the **mean** of the
    gradients over the ranks.

    Args:
        communicator_name (str): One of the names above.
        mpi_comm: mpi4py communicator; ``mpi4py.MPI.COMM_WORLD`` if
            ``None``.
        allreduce_grad_dtype: dtype to reduce gradients in; only for
            ``pure_nccl``.
        batched_copy (bool): v6's option of ``pure_nccl`` to pack the
            gradients with one batched copy; accepted there (our packing
            is the same either way) and refused by the other names.

    Returns:
        CommunicatorBase: The communicator.
    """
    if mpi_comm is None:
        mpi_comm = _mpi.import_mpi().COMM_WORLD
    if communicator_name != 'pure_nccl' and allreduce_grad_dtype is not None:
        raise ValueError('allreduce_grad_dtype must be None except for '
                         'pure_nccl communicator.')
    if communicator_name != 'pure_nccl' and batched_copy:
        raise ValueError("batched_copy is only available at 'pure_nccl' "
                         'communicator.')
    for name, module_name, class_name in _COMMUNICATORS:
        if communicator_name == name:
            # Only the chosen module is imported: CuPy and NCCL load only
            # for the communicators that use them.
            module = importlib.import_module(
                'chainermn.communicators.' + module_name)
            cls = getattr(module, class_name)
            if name == 'pure_nccl':
                return cls(mpi_comm=mpi_comm,
                           allreduce_grad_dtype=allreduce_grad_dtype,
                           batched_copy=batched_copy)
            return cls(mpi_comm=mpi_comm)
    raise ValueError('Unrecognized communicator: "{}"'.format(
        communicator_name))
