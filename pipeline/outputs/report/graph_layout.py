"""Node positions for the co-occurrence network: a deterministic force-directed layout.

Pure NumPy, no random seed: the same outputs give the same picture in every report.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

import numpy as np


def force_layout(n: int, edges: Sequence[tuple[int, int, int]], *, iterations: int = 300) -> np.ndarray:
    """Deterministic layout of a small graph, scaled into [-1, 1]².

    Each connected component gets a Fruchterman-Reingold layout started from a circle
    (so equal input gives an equal picture, no random seed); the components are then
    packed in rows, largest first. Laying out the whole graph at once would let the
    components fly apart and squash each into a blob: co-occurrence graphs are mostly
    one clique per article.

    Args:
        n: the number of nodes.
        edges: ``(a, b, weight)`` node-index pairs.
        iterations: cooling steps per component.

    Returns:
        An ``(n, 2)`` array of positions.
    """
    if n == 0:
        return np.zeros((0, 2))
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b, _ in edges:
        parent[root(a)] = root(b)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[root(i)].append(i)
    components = sorted(members.values(), key=lambda c: (-len(c), c[0]))

    gap = 0.6
    boxes = []
    for nodes in components:
        local = {node: i for i, node in enumerate(nodes)}
        sub = [(local[a], local[b], w) for a, b, w in edges if a in local and b in local]
        radius = 0.35 if len(nodes) == 1 else math.sqrt(len(nodes))
        boxes.append((nodes, _fruchterman_reingold(len(nodes), sub, iterations) * radius, 2 * radius + gap))
    # shelf packing into a band wider than high, like the figure
    width = max(max(d for _, _, d in boxes), math.sqrt(2 * sum(d * d for _, _, d in boxes)))
    pos = np.zeros((n, 2))
    x = y = row = 0.0
    for nodes, local_pos, d in boxes:
        if x > 0 and x + d > width:
            x, y, row = 0.0, y - row, 0.0
        pos[nodes] = local_pos + np.array([x + d / 2, y - d / 2])
        x, row = x + d, max(row, d)
    pos -= (pos.max(axis=0) + pos.min(axis=0)) / 2
    scale = np.abs(pos).max()
    return pos / scale if scale > 0 else pos


def _fruchterman_reingold(n: int, edges: Sequence[tuple[int, int, int]], iterations: int) -> np.ndarray:
    """One connected component laid out from a circle, centred and scaled into the unit disc."""
    angles = 2 * np.pi * np.arange(n) / n
    pos = np.column_stack([np.cos(angles), np.sin(angles)])
    if n <= 2:
        return pos * (0 if n == 1 else 1)
    k = 1.0 / math.sqrt(n)
    temperature = 0.2
    a_idx = np.array([a for a, _, _ in edges], dtype=int)
    b_idx = np.array([b for _, b, _ in edges], dtype=int)
    weights = np.array([w for _, _, w in edges], dtype=float)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        disp = ((k * k / dist**2)[:, :, None] * delta).sum(axis=1)
        if len(edges):
            d = pos[a_idx] - pos[b_idx]
            length = np.maximum(np.linalg.norm(d, axis=-1), 1e-3)
            pull = (length * weights / k)[:, None] * d
            np.add.at(disp, a_idx, -pull)
            np.add.at(disp, b_idx, pull)
        size = np.maximum(np.linalg.norm(disp, axis=-1), 1e-9)
        pos = pos + disp / size[:, None] * np.minimum(size, temperature)[:, None]
        temperature *= 0.985
    pos -= pos.mean(axis=0)
    radius = np.linalg.norm(pos, axis=-1).max()
    return pos / radius if radius > 0 else pos
