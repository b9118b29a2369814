"""What the store returns: plain dataclasses, each with ``to_dict()`` for JSON.

Every field is JSON-safe (str, int, float, None, lists and dicts of them).  Spans are
``{"start", "end", "text"}`` dicts with offsets into the stored document's ``text``
(exactly as in tidings/1), so a page can link to ``/documents/{doc_id}#{start}-{end}``.
Article text is untrusted: nothing here is escaped; escaping is the renderer's job.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Generic, Optional, TypeVar

T = TypeVar("T")

# Where each PLOVER type sits between cooperation (+1) and conflict (-1).  The same
# ranking as ``tidings.web.tone`` (PLOVER's own grouping: verbal/material cooperation,
# then verbal/material conflict); a readable ranking, not a Goldstein score.
COOPERATION: dict[str, float] = {
    "AID": 1.0, "COOPERATE": 0.8, "AGREE": 0.7, "SUPPORT": 0.6, "CONCEDE": 0.5,
    "RETREAT": 0.4, "CONSULT": 0.3, "REQUEST": 0.0, "ACCUSE": -0.3, "REJECT": -0.35,
    "PROTEST": -0.45, "MOBILIZE": -0.55, "THREATEN": -0.6, "SANCTION": -0.65,
    "COERCE": -0.85, "ASSAULT": -1.0,
}


def cooperation(event_type: Optional[str]) -> float:
    """Cooperation (+1) ↔ conflict (-1) score of a PLOVER type; 0.0 when unknown."""
    return COOPERATION.get((event_type or "").upper(), 0.0)


class _Dict:
    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]


@dataclass
class Page(_Dict, Generic[T]):
    """One page of a longer list: ``total`` rows match, ``items`` are rows offset..offset+limit."""
    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass
class Snippet(_Dict):
    """A plain-text excerpt of the document; ``highlights`` are [start, end) pairs in
    ``text`` where query words occur; ``start`` is where the excerpt begins in the document."""
    text: str
    start: int
    highlights: list[list[int]] = field(default_factory=list)


@dataclass
class DocumentHit(_Dict):
    """A document in a search result or listing."""
    id: str                      # the store's document id (stable: derived from the content hash)
    ext_id: Optional[str]        # the result's own ``id`` (file name or record id)
    source: Optional[str]
    headline: Optional[str]
    published: Optional[str]     # YYYY-MM-DD or None
    outlet: Optional[str]
    n_entities: int
    n_statements: int
    n_events: int
    n_flags: int
    snippet: Optional[Snippet] = None
    rank: Optional[float] = None  # search relevance, higher is better (None when no query)


@dataclass
class StoredDocument(_Dict):
    """A stored document: its tidings/1 result and, for each of its entities, the corpus
    actor it was resolved to (``actors``: local entity id like "e1" → actor id)."""
    id: str
    content_hash: str
    ingested_at: str
    updated_at: str
    result: dict[str, Any]
    actors: dict[str, int]


@dataclass
class ActorRef(_Dict):
    id: int
    name: str
    country: Optional[str]


@dataclass
class ActorRow(_Dict):
    """A corpus actor: one row per resolved identity across documents."""
    id: int
    name: str
    kind: str
    country: Optional[str]
    sector: Optional[str]
    role: Optional[str]
    n_documents: int
    n_statements: int
    n_events: int


@dataclass
class StatementRow(_Dict):
    id: int
    doc_id: str
    local_id: str                       # "s1" inside the document
    kind: str
    actor: Optional[ActorRef]           # the speaker's corpus actor
    speaker: Optional[dict[str, Any]]   # span of the speaker mention
    cue: Optional[dict[str, Any]]
    content: list[dict[str, Any]]       # content spans (link to the first for "the sentence")
    text: str                           # the content spans joined, for display
    date: Optional[str]                 # statement date, else the article's publication date
    granularity: Optional[str]
    date_from: Optional[str]            # "statement" | "published" | None
    venue: Optional[str]
    headline: Optional[str]
    published: Optional[str]


@dataclass
class EventRow(_Dict):
    id: int
    doc_id: str
    local_id: str                       # "v1" inside the document
    type: str
    cameo: Optional[str]
    mode: Optional[str]
    score: float                        # cooperation (+1) ↔ conflict (-1)
    sources: list[ActorRef]
    targets: list[ActorRef]
    date: Optional[str]                 # event date, else the article's publication date
    granularity: Optional[str]
    date_from: Optional[str]            # "event" | "published" | None
    location: Optional[dict[str, Any]]  # {"name", "country", "lat", "lon"}
    evidence: Optional[dict[str, Any]]  # span
    headline: Optional[str]


@dataclass
class ActorDetail(_Dict):
    """An actor page: who they are, the names they appear under, every statement in date
    order, and events with them as source and as target (each a Page; ask
    ``statements(actor=...)``/``events(actor=..., role=...)`` for more)."""
    actor: ActorRow
    names: list[str]
    roles: list[str]
    statements: Page[StatementRow]
    events_as_source: Page[EventRow]
    events_as_target: Page[EventRow]


@dataclass
class TimelineBucket(_Dict):
    period: str                  # "2026", "2026-06" or "2026-06-18" by granularity
    count: int
    score: float                 # mean cooperation score of the events in it
    by_type: dict[str, int]


@dataclass
class NetworkNode(_Dict):
    id: int
    name: str
    kind: str
    country: Optional[str]
    n_events: int                # events of this actor inside the network's filters


@dataclass
class NetworkEdge(_Dict):
    source: int                  # actor id (the event's source)
    target: int                  # actor id (the event's target)
    count: int
    score: float                 # mean cooperation (+1) ↔ conflict (-1) score
    by_type: dict[str, int]


@dataclass
class Network(_Dict):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


@dataclass
class Counts(_Dict):
    documents: int
    actors: int
    statements: int
    events: int
    times: int
    flags: int
