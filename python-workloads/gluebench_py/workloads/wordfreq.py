"""wordfreq: count the words of a text; the number of distinct words and the 10 most frequent.

Python 2.7/3 common subset, self-contained: evaluated unchanged by Jython, GraalPy and CPython.
Words are the runs of characters between separators (the generated text has only ' ' and
'\\n'), so text.split() finds them; they are counted in a dict.
"""
try:
    xrange
except NameError:
    xrange = range

TOP = 10


def by_count_then_word(item):
    """Sort key of a (word, count) pair: count descending, then word ascending."""
    return -item[1], item[0]


def wordfreq(text):
    """Return (distinct, top): the number of distinct words, and up to 10 (word, count) tuples.

    top is sorted by count descending, then by word ascending (code-point order; every word
    is in the BMP, so Jython's UTF-16 order is the same). text is a str (a unicode, or a Java
    String seen as one, on Jython). An empty text gives (0, []).
    """
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    top = sorted(counts.items(), key=by_count_then_word)[:TOP]
    return len(counts), top
