"""From ranked needs and a budget in JP to the modules of a training: pure, no files.

For each competency in rank order (positive MWDS only), the module that
covers it at the least extra cost is added together with every
prerequisite not yet chosen, if that still fits the budget; otherwise the
competency is recorded as left out for lack of time. The chosen modules
are then ordered so that every prerequisite comes first, ties in
curriculum order. ``fit_to_days`` (training.py's scheduler, at the edge in
cli.py) shrinks the budget until the schedule really fits.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ModuleInfo:
    id: str
    jp: int
    order: int
    prerequisites: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()


@dataclass(frozen=True)
class RankedNeed:
    competency: str
    rank: int
    mwds: float
    quadrant: str = ""


@dataclass
class Choice:
    module: str
    for_needs: list[RankedNeed] = field(default_factory=list)  # competencies it was chosen for or also covers
    prerequisite_of: list[str] = field(default_factory=list)  # modules that needed it


@dataclass(frozen=True)
class Recommendation:
    modules: tuple[Choice, ...]  # in teaching order
    left_out: tuple[tuple[RankedNeed, int], ...]  # needs that did not fit, with the JP they would have needed
    uncovered: tuple[RankedNeed, ...]  # needs no module covers
    jp: int


def closure(module: str, modules: dict[str, ModuleInfo]) -> list[str]:
    """The module and all its prerequisites, transitively (unknown ids ignored)."""
    seen: list[str] = []
    stack = [module]
    while stack:
        current = stack.pop()
        if current in seen or current not in modules:
            continue
        seen.append(current)
        stack.extend(modules[current].prerequisites)
    return seen


def recommend(needs: list[RankedNeed], modules: dict[str, ModuleInfo], budget_jp: int) -> Recommendation:
    chosen: dict[str, Choice] = {}
    left_out: list[tuple[RankedNeed, int]] = []
    uncovered: list[RankedNeed] = []
    used = 0
    for need in sorted(needs, key=lambda need: need.rank):
        if need.mwds <= 0:
            continue  # no gap to train for
        covering = [info for info in modules.values() if need.competency in info.competencies]
        if not covering:
            uncovered.append(need)
            continue
        already = next((chosen[info.id] for info in sorted(covering, key=_position) if info.id in chosen), None)
        if already is not None:
            already.for_needs.append(need)
            continue
        options = []
        for info in covering:
            added = [module for module in closure(info.id, modules) if module not in chosen]
            options.append((sum(modules[module].jp for module in added), _position(info), info.id, added))
        cost, _, target, added = min(options)
        if used + cost > budget_jp:
            left_out.append((need, cost))
            continue
        used += cost
        for module in added:
            chosen[module] = Choice(module)
        chosen[target].for_needs.append(need)
        for module in added:
            if module != target:
                chosen[module].prerequisite_of.append(target)
    ordered = teaching_order(list(chosen), modules)
    return Recommendation(tuple(chosen[module] for module in ordered), tuple(left_out), tuple(uncovered), used)


def teaching_order(chosen: list[str], modules: dict[str, ModuleInfo]) -> list[str]:
    """Prerequisites first (Kahn's algorithm), ties in curriculum order."""
    inside = set(chosen)
    waiting = {module: {p for p in modules[module].prerequisites if p in inside} for module in chosen}
    ready = [(_position(modules[module]), module) for module, needs in waiting.items() if not needs]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, module = heapq.heappop(ready)
        order.append(module)
        for other, needs in waiting.items():
            if module in needs:
                needs.discard(module)
                if not needs:
                    heapq.heappush(ready, (_position(modules[other]), other))
    return order


def _position(info: ModuleInfo) -> tuple[int, str]:
    return (info.order, info.id)
