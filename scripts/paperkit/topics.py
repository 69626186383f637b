"""Topics: a controlled list kept as data (``footnotes/topics.yml``), found in the paper by code.

Each topic has a name and synonyms. A synonym matches whole words, in any case, with a hyphen, dash or space
between its words, and an optional plural ending::

    - topic: Money-laundering
      synonyms: [laundering of money]       →  "money-laundering", "Money laundering", "laundering of money"

``find_occurrences`` lists, per topic, every paragraph and discussion question that mentions it;
``main_topics`` ranks a day's topics. :mod:`paperkit.pages.topics` writes the Topics page and a day's tags.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .anchors import Anchor, anchors
from .datafiles import read_yaml
from .errors import PaperError
from .markup import plain, slugify
from .model import Day, Paper
from .text import first_words, terms_pattern


DAY_TOPICS = 8
"""At most this many topics under a day's heading …"""
DAY_TOPIC_MIN = 2
"""… each mentioned in at least this many paragraphs or questions of the day."""


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    slug: str
    """Its id on the Topics page: ``money-laundering``."""
    synonyms: tuple[str, ...]
    """The name first, then the data's synonyms."""
    pattern: re.Pattern[str]
    needles: frozenset[str]
    """The first word of each synonym, case-folded: a text holding none of them cannot match ``pattern``."""


@dataclass(frozen=True, slots=True)
class Occurrence:
    topic: Topic
    anchor: Anchor
    plain: str
    """The block's plain text."""
    start: int
    end: int
    """The first match in ``plain``."""


def read_topics(path: Path) -> tuple[Topic, ...]:
    """Read the topic list; raise :class:`PaperError` naming the entry to fix."""
    data, node = read_yaml(path, "the topic list",
                           "create it, or point the `paper` plugin's `topics:` in mkdocs.yml at the right file ('' for none)",
                           invalid="the topic list is not valid YAML")
    if not isinstance(data, list):
        line = node.start_mark.line + 1 if node is not None else 1
        raise PaperError(str(path), line, "the topic list must be a YAML list of `- topic: … synonyms: […]` "
                                          "— start each entry with `- topic:`")
    lines = [item.start_mark.line + 1 for item in node.value]
    topics: list[Topic] = []
    for i, entry in enumerate(data, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("topic"), str):
            raise PaperError(str(path), lines[i - 1], f"entry {i} has no `topic:` name — write `- topic: <its name>`")
        synonyms = entry.get("synonyms") or []
        if not isinstance(synonyms, list) or not all(isinstance(s, str) and s.strip() for s in synonyms):
            raise PaperError(str(path), lines[i - 1], f"topic {entry['topic']!r}: `synonyms` must be a list of words"
                                                      " — write `synonyms: [word, other word]`")
        names = (entry["topic"], *synonyms)
        topics.append(Topic(name=entry["topic"], slug=slugify(entry["topic"]), synonyms=names,
                            pattern=terms_pattern(names), needles=first_words(names)))
    first: dict[str, int] = {}
    for topic, line in zip(topics, lines):
        if (at := first.setdefault(topic.slug, line)) != line:
            raise PaperError(str(path), line, f"two topics have the same name: {topic.name} (line {at} too) — merge them")
    return tuple(topics)


def find_occurrences(paper: Paper, topics: tuple[Topic, ...]) -> dict[str, tuple[Occurrence, ...]]:
    """Per topic slug, every paragraph and question mentioning the topic, in reading order."""
    found: dict[str, list[Occurrence]] = {t.slug: [] for t in topics}
    for anchor in anchors(paper):
        text = plain(anchor.text, limit=len(anchor.text) + 1)
        folded = text.casefold()
        for topic in topics:
            if any(n in folded for n in topic.needles) and (m := topic.pattern.search(text)):
                found[topic.slug].append(Occurrence(topic, anchor, text, m.start(), m.end()))
    return {slug: tuple(occ) for slug, occ in found.items()}


def main_topics(day: Day, occurrences: Mapping[str, tuple[Occurrence, ...]],
                topics: tuple[Topic, ...]) -> list[Topic]:
    """The day's topics mentioned in the most of its paragraphs and questions."""
    counts = {t.slug: sum(1 for o in occurrences[t.slug] if o.anchor.day == day) for t in topics}
    ranked = sorted((t for t in topics if counts[t.slug] >= DAY_TOPIC_MIN),
                    key=lambda t: (-counts[t.slug], t.name.casefold()))
    return ranked[:DAY_TOPICS]
