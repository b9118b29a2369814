"""What a stage is: a named function over an :class:`Analysis` that declares its inputs."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from tidings.analysis import Analysis


@dataclass(frozen=True)
class Stage:
    name: str
    assigns: str
    requires: tuple[str, ...]
    func: Callable[[Analysis], Any]

    def __call__(self, analysis: Analysis) -> Any:
        return self.func(analysis)


class PipelineError(ValueError):
    pass


def check_order(stages: list[Stage]) -> None:
    """Every stage's inputs must be assigned by an earlier stage."""
    have: set[str] = set()
    for stage in stages:
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise PipelineError(f"stage {stage.name!r} requires {missing} but no earlier stage assigns it")
        have.add(stage.assigns)
