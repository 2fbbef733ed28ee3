"""csvparse: parse "qty,price,label" CSV text; sum the quantities, the prices and label lengths.

Python 2.7/3 common subset, self-contained: evaluated unchanged by Jython, GraalPy and CPython.
"""
try:
    xrange
except NameError:
    xrange = range


def csvparse(text):
    """Return (int_sum, float_sum, text_chars) over the data lines of text (the header skipped).

    int_sum adds int(qty) exactly; float_sum adds float(price), correctly rounded, left to right
    from 0.0 in line order, as the Java and C programs do; text_chars adds len(label). A line
    without exactly three fields raises ValueError. text is a str (a unicode on Jython).
    """
    int_sum = 0
    float_sum = 0.0
    text_chars = 0
    for line in text.splitlines()[1:]:
        qty, price, label = line.split(',')
        int_sum += int(qty)
        float_sum += float(price)
        text_chars += len(label)
    return int_sum, float_sum, text_chars
