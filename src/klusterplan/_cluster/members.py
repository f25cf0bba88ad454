"""The plans of a cluster, read together: one library's failure does not stop the others.

:func:`load_cluster` reads plans from files, folders and glob patterns; a plan
that cannot be loaded becomes a :class:`Member` with its error instead of
stopping the others.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable
from pathlib import Path

import attrs

from .._catalogue.messages import text as message_text
from .._export.load import load
from ..errors import PlanError, Problem
from ..model import Plan

__all__ = ["PLAN_SUFFIXES", "Cluster", "Member", "load_cluster", "plan_files"]

#: The suffixes of plan files a folder is searched for.
PLAN_SUFFIXES = (".yaml", ".yml", ".json", ".toml")
#: Settings files that live beside plans and are not plans.
_SETTINGS_FILES = frozenset({"pyproject.toml", "klusterplan.toml"})
_GLOB = re.compile(r"[*?\[]")


# -- reading the plans ---------------------------------------------------------


@attrs.frozen
class Member:
    """One plan of the cluster: loaded, or the error that stopped it from loading."""

    source: str
    """The file it came from (or a name given to a plan held in memory)."""
    plan: Plan | None = None
    error: PlanError | None = None

    @property
    def name(self) -> str:
        """The library's name, else the file's name."""
        if self.plan is not None and self.plan.library.name.strip():
            return self.plan.library.name.strip()
        return Path(self.source).stem


@attrs.frozen
class Cluster:
    """The plans of a cluster's libraries, in the order they were given."""

    members: tuple[Member, ...]

    @classmethod
    def of(cls, plans: Iterable[Plan]) -> Cluster:
        """A cluster of plans held in memory, named ``plan-1``, ``plan-2``, ...

        >>> import klusterplan
        >>> klusterplan.Cluster.of([klusterplan.example()]).members[0].source
        'plan-1'
        """
        members = []
        for i, plan in enumerate(plans, 1):
            if not isinstance(plan, Plan):
                raise TypeError(f"Cluster.of: item {i} is a {type(plan).__name__}, not a Plan")
            members.append(Member(f"plan-{i}", plan))
        return cls(tuple(members))

    @classmethod
    def from_plans(
        cls, plans: Cluster | Plan | Iterable[Plan], *, caller: str = "Cluster.from_plans"
    ) -> Cluster:
        """``plans`` as a cluster: a cluster as it is, one plan or several through :meth:`of`.

        Anything else, a path or a number, is a :class:`TypeError` that names ``caller``
        and how to make a cluster.
        """
        if isinstance(plans, Cluster):
            return plans
        if isinstance(plans, Plan):
            return cls.of([plans])
        if isinstance(plans, str | bytes | os.PathLike) or not isinstance(plans, Iterable):
            raise TypeError(
                f"{caller}() takes a Cluster, or a list of plans, got {type(plans).__name__}: "
                "make one with klusterplan.Cluster.of(plans) or klusterplan.load_cluster(paths)"
            )
        return cls.of(plans)

    @property
    def loaded(self) -> tuple[Member, ...]:
        """The members whose plan loaded."""
        return tuple(m for m in self.members if m.plan is not None)

    @property
    def failed(self) -> tuple[Member, ...]:
        """The members whose plan could not be loaded."""
        return tuple(m for m in self.members if m.plan is None)


def plan_files(sources: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The plan files ``sources`` name: files as given, folders' plans, glob matches.

    A folder gives its ``.yaml``, ``.yml``, ``.json`` and ``.toml`` files (not
    its settings files), sorted by name; a pattern such as ``plans/*.yaml`` its
    matches, sorted. A file named twice is read once. Raises :class:`PlanError`
    for a folder without plans or a pattern that matches nothing; a file that
    does not exist is returned, so that loading it reports it.
    """
    found: list[str] = []
    for source in sources:
        text = os.fspath(source)
        path = Path(text)
        if path.is_dir():
            plans = sorted(
                str(p)
                for p in path.iterdir()
                if p.is_file()
                and p.suffix.lower() in PLAN_SUFFIXES
                and p.name.lower() not in _SETTINGS_FILES
            )
            if not plans:
                suffixes = ", ".join(PLAN_SUFFIXES)
                raise PlanError(
                    [
                        Problem(
                            "",
                            message_text("cluster_folder_holds_plan_file", suffixes=suffixes),
                        )
                    ],
                    text,
                )
            found.extend(plans)
        elif _GLOB.search(text) and not path.exists():
            matches = sorted(m for m in glob.glob(text) if Path(m).is_file())
            if not matches:
                raise PlanError(
                    [Problem("", message_text("cluster_pattern_matches_file"))],
                    text,
                )
            found.extend(matches)
        else:
            found.append(text)
    seen: set[str] = set()
    unique = []
    for name in found:
        key = os.path.normcase(os.path.abspath(name))
        if key not in seen:
            seen.add(key)
            unique.append(name)
    return unique


def load_cluster(sources: Iterable[str | os.PathLike[str]]) -> Cluster:
    """Load every plan ``sources`` name (files, folders, glob patterns; see :func:`plan_files`).

    A plan that cannot be loaded is kept with its :class:`PlanError`, so a
    summary can report it instead of stopping.

    >>> import klusterplan
    >>> cluster = klusterplan.load_cluster(["missing.yaml"])
    >>> cluster.failed[0].error.problems[0].message
    'no such file; check the name and folder'
    """
    members = []
    for name in plan_files(sources):
        try:
            members.append(Member(name, load(name)))
        except PlanError as exc:
            members.append(Member(name, error=exc))
    return Cluster(tuple(members))
