"""Clearing the rest of a terminal screen, for the printing extensions."""
import os


def erase_below(out):
    """Erases from the cursor to the end of the screen.

    ANSI terminals understand the escape sequence; on Windows consoles that
    may not, nothing is written.
    """
    if os.name != 'nt':
        out.write('\033[J')


def flush(out):
    if hasattr(out, 'flush'):
        out.flush()
