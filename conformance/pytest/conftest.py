"""Fixtures of the pytest driver; the options are in conformance/conftest.py."""
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def build_dir(config):
    b = config.getoption("--build")
    return b if os.path.isabs(b) else os.path.join(ROOT, b)


@pytest.fixture(scope="session")
def build(request):
    return build_dir(request.config)
