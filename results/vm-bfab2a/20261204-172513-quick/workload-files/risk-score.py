"""A pure-Python scoring function over sales records: the kind of business rule that lives in Python.

Run it through every way the JVM can call Python:
    ./gluebench run --workload-file python-workloads/examples/risk_score.py

compute(rows) gets N rows (id, category, amount in cents) and returns the total risk score.
It runs on Python 2.7 too, so Jython times it as well.
"""

NAME = "risk-score"
SUMMARY = "Scores each sale by category weight, refund and size rules; returns the total score"
N_COUNTS = "sales per call"
SHAPE = "records"
COMPLEXITY = "N"
TOLERANCE = 1e-9

WEIGHTS = {
    "books": 0.6, "electronics": 1.8, "garden": 0.7, "grocery": 0.4, "health": 1.1, "home": 0.8,
    "jewelry": 2.5, "kitchen": 0.7, "music": 0.9, "office": 0.6, "outdoor": 0.8, "pets": 0.5,
    "shoes": 1.0, "sports": 0.9, "toys": 0.6, "travel": 2.0,
}
HIGH_RISK = frozenset(["electronics", "jewelry", "travel"])
LARGE_CENTS = 500000


def score(category, cents):
    """One sale's score: refunds and large amounts raise it, risky categories weigh more."""
    s = 0.0
    if cents < 0:
        s += 5.0 + (-cents) / 20000.0
    elif cents > LARGE_CENTS:
        s += 2.0 + (cents - LARGE_CENTS) / 100000.0
    else:
        s += cents / 1000000.0
    if category in HIGH_RISK and cents > 100000:
        s *= 1.5
    return s * WEIGHTS.get(category, 1.0)


def compute(rows):
    total = 0.0
    for row in rows:
        total += score(row[1], row[2])
    return total
