"""nbody: the Computer Language Benchmarks Game 5-body simulation (Sun and the gas giants).

Python 2.7/3 common subset, self-contained: evaluated unchanged by Jython, GraalPy and CPython.
A body is a list [x, y, z, vx, vy, vz, mass]. The order of floating-point operations follows
the canonical Python program, except that a pair's magnitude is dt / (d2 * sqrt(d2)), as in
the Java and C programs, instead of dt * d2 ** -1.5.
"""
import math

try:
    xrange
except NameError:
    xrange = range

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def initial_bodies():
    """Return fresh body lists (Sun, Jupiter, Saturn, Uranus, Neptune), before offset_momentum."""
    return [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS],
        [4.84143144246472090e+00,
         -1.16032004402742839e+00,
         -1.03622044471123109e-01,
         1.66007664274403694e-03 * DAYS_PER_YEAR,
         7.69901118419740425e-03 * DAYS_PER_YEAR,
         -6.90460016972063023e-05 * DAYS_PER_YEAR,
         9.54791938424326609e-04 * SOLAR_MASS],
        [8.34336671824457987e+00,
         4.12479856412430479e+00,
         -4.03523417114321381e-01,
         -2.76742510726862411e-03 * DAYS_PER_YEAR,
         4.99852801234917238e-03 * DAYS_PER_YEAR,
         2.30417297573763929e-05 * DAYS_PER_YEAR,
         2.85885980666130812e-04 * SOLAR_MASS],
        [1.28943695621391310e+01,
         -1.51111514016986312e+01,
         -2.23307578892655734e-01,
         2.96460137564761618e-03 * DAYS_PER_YEAR,
         2.37847173959480950e-03 * DAYS_PER_YEAR,
         -2.96589568540237556e-05 * DAYS_PER_YEAR,
         4.36624404335156298e-05 * SOLAR_MASS],
        [1.53796971148509165e+01,
         -2.59193146099879641e+01,
         1.79258772950371181e-01,
         2.68067772490389322e-03 * DAYS_PER_YEAR,
         1.62824170038242295e-03 * DAYS_PER_YEAR,
         -9.51592254519715870e-05 * DAYS_PER_YEAR,
         5.15138902046611451e-05 * SOLAR_MASS],
    ]


def body_pairs(bodies):
    """Return every unordered pair (bodies[i], bodies[j]), i < j, in the canonical order."""
    pairs = []
    for i in xrange(len(bodies)):
        for j in xrange(i + 1, len(bodies)):
            pairs.append((bodies[i], bodies[j]))
    return pairs


def offset_momentum(bodies):
    """Give the Sun (bodies[0]) the velocity that makes the total momentum zero."""
    px = py = pz = 0.0
    for b in bodies:
        px -= b[3] * b[6]
        py -= b[4] * b[6]
        pz -= b[5] * b[6]
    sun = bodies[0]
    sun[3] = px / sun[6]
    sun[4] = py / sun[6]
    sun[5] = pz / sun[6]


def advance(bodies, pairs, dt, steps):
    """Move the system steps times by dt: velocities from all pairs, then positions."""
    sqrt = math.sqrt
    for _ in xrange(steps):
        for (b1, b2) in pairs:
            dx = b1[0] - b2[0]
            dy = b1[1] - b2[1]
            dz = b1[2] - b2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * sqrt(d2))
            b1m = b1[6] * mag
            b2m = b2[6] * mag
            b1[3] -= dx * b2m
            b1[4] -= dy * b2m
            b1[5] -= dz * b2m
            b2[3] += dx * b1m
            b2[4] += dy * b1m
            b2[5] += dz * b1m
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def energy(bodies, pairs):
    """Return the total energy: the pairs' potential energy first, then each body's kinetic."""
    e = 0.0
    for (b1, b2) in pairs:
        dx = b1[0] - b2[0]
        dy = b1[1] - b2[1]
        dz = b1[2] - b2[2]
        e -= (b1[6] * b2[6]) / math.sqrt(dx * dx + dy * dy + dz * dz)
    for b in bodies:
        e += b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5]) / 2.0
    return e


def nbody(steps):
    """Run the system for steps steps of 0.01 from a fresh start and return its energy.

    nbody(0) == -0.169075164 and nbody(1000) == -0.169087605 (to 9 decimals).
    """
    bodies = initial_bodies()
    pairs = body_pairs(bodies)
    offset_momentum(bodies)
    advance(bodies, pairs, 0.01, steps)
    return energy(bodies, pairs)
