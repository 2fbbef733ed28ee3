"""records: the sum of the amounts of each category in a list of (id, category, amount) rows.

Python 2.7/3 common subset, self-contained: evaluated unchanged by Jython, GraalPy and CPython.
"""
try:
    xrange
except NameError:
    xrange = range


def records(rows):
    """Return [(category, sum), ...] for each category that occurs, sorted by category.

    The sums are exact integers (amounts are integer cents). Each row is only indexed, row[1]
    the category and row[2] the amount, so tuples, lists and Java Object[] {Long, String, Long}
    (seen from Jython, GraalPy or Jep) all work. No rows give [].
    """
    sums = {}
    for row in rows:
        category = row[1]
        sums[category] = sums.get(category, 0) + row[2]
    return sorted(sums.items())
