"""Disjoint sets (union-find with path halving): the grouping step of entities and facts."""

from __future__ import annotations

from collections import defaultdict


class DisjointSets:
    """Elements 0..n-1, each in one group; `union` merges groups, `groups` lists them."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, element: int) -> int:
        while self.parent[element] != element:
            self.parent[element] = self.parent[self.parent[element]]
            element = self.parent[element]
        return element

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)

    def groups(self) -> list[list[int]]:
        """Groups in order of their first element, members in increasing order."""
        members: dict[int, list[int]] = defaultdict(list)
        for element in range(len(self.parent)):
            members[self.find(element)].append(element)
        return list(members.values())
