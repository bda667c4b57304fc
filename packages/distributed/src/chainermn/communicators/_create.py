"""``create_communicator``: the factory of every communicator."""
from chainermn import _mpi

_NAMES = ('naive', 'flat', 'hierarchical', 'two_dimensional', 'single_node',
          'non_cuda_aware', 'pure_nccl', 'dummy')


def create_communicator(communicator_name='hierarchical', mpi_comm=None,
                        allreduce_grad_dtype=None):
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

    Returns:
        CommunicatorBase: The communicator.
    """
    if mpi_comm is None:
        mpi_comm = _mpi.import_mpi().COMM_WORLD
    if communicator_name != 'pure_nccl' and allreduce_grad_dtype is not None:
        raise ValueError('allreduce_grad_dtype must be None except for '
                         'pure_nccl communicator.')
    # Each branch imports its own module: CuPy/NCCL load only when asked.
    if communicator_name == 'naive':
        from chainermn.communicators import naive_communicator as m
        return m.NaiveCommunicator(mpi_comm=mpi_comm)
    if communicator_name == 'flat':
        from chainermn.communicators import flat_communicator as m
        return m.FlatCommunicator(mpi_comm=mpi_comm)
    if communicator_name == 'hierarchical':
        from chainermn.communicators import hierarchical_communicator as m
        return m.HierarchicalCommunicator(mpi_comm=mpi_comm)
    if communicator_name == 'two_dimensional':
        from chainermn.communicators import two_dimensional_communicator as m
        return m.TwoDimensionalCommunicator(mpi_comm=mpi_comm)
    if communicator_name == 'single_node':
        from chainermn.communicators import single_node_communicator as m
        return m.SingleNodeCommunicator(mpi_comm=mpi_comm)
    if communicator_name == 'non_cuda_aware':
        from chainermn.communicators import non_cuda_aware_communicator as m
        return m.NonCudaAwareCommunicator(mpi_comm=mpi_comm)
    if communicator_name == 'pure_nccl':
        from chainermn.communicators import pure_nccl_communicator as m
        return m.PureNcclCommunicator(
            mpi_comm=mpi_comm, allreduce_grad_dtype=allreduce_grad_dtype)
    if communicator_name == 'dummy':
        from chainermn.communicators import dummy_communicator as m
        return m.DummyCommunicator(mpi_comm=mpi_comm)
    raise ValueError('Unrecognized communicator: "{}"'.format(
        communicator_name))
