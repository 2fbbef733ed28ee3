"""Puts python-workloads/ on sys.path and loads the shared test vectors."""
import json
import os
import sys

import pytest

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
PROJECT_DIR = os.path.dirname(TESTS_DIR)
if PROJECT_DIR not in sys.path:
    sys.path.insert(0, PROJECT_DIR)


@pytest.fixture(scope='session')
def vectors():
    with open(os.path.join(TESTS_DIR, 'vectors.json')) as f:
        return json.load(f)
