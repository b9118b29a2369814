"""Import a script of ``bench/`` (not a package) for a test of its functions."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "bench"


def bench_module(filename: str) -> ModuleType:
    """``bench/<filename>`` as a module; its own imports of sibling scripts resolve."""
    spec = importlib.util.spec_from_file_location(f"{Path(filename).stem}_under_test", BENCH / filename)
    assert spec is not None and spec.loader is not None
    sys.path.insert(0, str(BENCH))
    try:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
    return module
