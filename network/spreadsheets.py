"""Files people open in a spreadsheet (exports of properties, attendees, subscribers): cells that cannot run
as formulas, and CSV that Excel reads in UTF-8."""

import csv

# Spreadsheets run a cell that starts with one of these as a formula (or as the start of one: tab and
# carriage return at the start of a CSV cell). https://owasp.org/www-community/attacks/CSV_Injection
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell a spreadsheet would run as a formula gets a leading quote: shown, never run."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write() returns what it is given: csv.writer then yields lines."""

    def write(self, value):
        return value


def csv_lines(header, rows):
    """The lines of a CSV file, to stream: a byte order mark first (so that Excel reads Cyrillic and
    diacritics right), the header, then each row with its cells neutralised."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow([neutralise(value) for value in row])
