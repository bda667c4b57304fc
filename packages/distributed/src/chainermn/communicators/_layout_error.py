"""Readable errors for ranks that disagree on what to communicate."""


def describe(what, keys, hint):
    """Message naming the first rank whose layout differs from rank 0's.

    Args:
        what (str): The operation, e.g. ``'allreduce_grad'``.
        keys (list): Per rank, a tuple of ``(name, shape, dtype)``.
        hint (str): How to fix it, appended to the message.
    """
    ref = {name: (shape, dtype) for name, shape, dtype in keys[0]}
    for rank, key in enumerate(keys[1:], 1):
        if key == keys[0]:
            continue
        mine = {name: (shape, dtype) for name, shape, dtype in key}
        problems = []
        for name in sorted(set(ref) | set(mine)):
            a, b = ref.get(name), mine.get(name)
            if a == b:
                continue
            if b is None:
                problems.append('%s is on rank 0 but not on rank %d'
                                % (name, rank))
            elif a is None:
                problems.append('%s is on rank %d but not on rank 0'
                                % (name, rank))
            else:
                problems.append('%s is %s %s on rank 0 but %s %s on rank %d'
                                % (name, a[0], a[1], b[0], b[1], rank))
            if len(problems) == 5:
                problems.append('...')
                break
        if not problems:
            problems.append('the order of entries differs')
        return ('%s: ranks disagree on the arrays to communicate (%d on '
                'rank 0, %d on rank %d): %s. %s'
                % (what, len(keys[0]), len(key), rank, '; '.join(problems),
                   hint))
    return '%s: ranks disagree on the arrays to communicate. %s' % (
        what, hint)
