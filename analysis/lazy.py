"""pandas and pyarrow imported on first use, so that a command that needs neither (`python -m analysis summary`)
starts in a fraction of a second: `from analysis.lazy import pandas as pd`."""

from __future__ import annotations

import importlib


class _Module:
    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self._name), attr)


pandas, pyarrow = _Module("pandas"), _Module("pyarrow")
