"""A hand-written tokenizer over text: string work that is easy to write in Python and slow in it.

Run it through every way the JVM can call Python:
    ./gluebench run --workload-file python-workloads/examples/tokenizer.py

compute(text) scans the text once, splits it into lower-case words and returns how many distinct
words of three or more letters it holds. It runs on Python 2.7 too, so Jython times it as well.
"""

NAME = "tokenize"
SUMMARY = "Scans text into lower-case words; returns the number of distinct words of 3+ letters"
N_COUNTS = "bytes of text per call"
SHAPE = "text"
COMPLEXITY = "N"


def tokens(text):
    """Yield the words of text: runs of letters, lower-cased."""
    start = -1
    for i, ch in enumerate(text):
        if ch.isalpha():
            if start < 0:
                start = i
        elif start >= 0:
            yield text[start:i].lower()
            start = -1
    if start >= 0:
        yield text[start:].lower()


def compute(text):
    seen = set()
    for word in tokens(text):
        if len(word) >= 3:
            seen.add(word)
    return len(seen)
