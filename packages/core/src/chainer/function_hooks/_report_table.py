"""Right-aligned text tables shared by the profiling hooks' reports."""


def write_table(rows, file):
    # Columns are right-aligned to their widest cell and separated by two
    # spaces, the layout of v5's print_report.
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    template = '  '.join('{:>%d}' % w for w in widths)
    for row in rows:
        file.write(template.format(*row))
        file.write('\n')
    file.flush()


def function_name(function):
    # FunctionAdapter reports the wrapped Function's class name in v5.
    name = getattr(function, '_impl_name', None)
    if name is None:
        name = type(function).__name__
    return name
