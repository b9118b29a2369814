"""The document and the result model that serialises to the ``tidings/1`` contract.

``Document`` is what ingestion produces: the immutable ``text`` plus what the source said
about itself.  ``Result`` is what the pipeline returns; ``Result.to_json()`` gives exactly
the object described in ``CONTRACT.md`` and ``Result.from_json()`` reads it back.

Every fact is a :class:`Span` into ``Document.text``.  ``Span.of(text, start, end)`` is the
only way stages should make one: it takes the span text from the document, so
``text[start:end] == span.text`` holds by construction, and ``Span.check`` verifies it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA = "tidings/1"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
Granularity = Optional[Literal["day", "week", "weekend", "month", "quarter", "season",
                               "half", "year", "decade", "century", "time"]]


class _Model(BaseModel):
    # Extra fields are kept, so results written by a newer tidings read back losslessly.
    model_config = ConfigDict(extra="allow", validate_assignment=False)


class Span(_Model):
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int, **extra: Any) -> "Span":
        """A span of ``text``; raises ``ValueError`` on offsets outside it."""
        if not (0 <= start <= end <= len(text)):
            raise ValueError(f"span [{start}, {end}) outside a text of length {len(text)}")
        if not extra and type(start) is int and type(end) is int:
            # the fields are already what validation would make of them (stages make
            # thousands of spans per document: validating each one again is slow)
            return cls.model_construct(start=start, end=end, text=text[start:end])
        return cls(start=start, end=end, text=text[start:end], **extra)

    def check(self, text: str) -> None:
        if text[self.start:self.end] != self.text:
            raise ValueError(
                f"span [{self.start}, {self.end}) says {self.text!r} "
                f"but the text there is {text[self.start:self.end]!r}")


class Paragraph(_Model):
    start: int
    end: int


class Article(_Model):
    headline: Optional[str] = None
    published: Optional[str] = None
    published_from: Optional[Literal["given", "metadata", "dateline", "url"]] = None
    outlet: Optional[str] = None
    urls: list[str] = Field(default_factory=list)
    paragraphs: list[Paragraph] = Field(default_factory=list)


class Entity(_Model):
    id: str
    name: str
    kind: str  # person | organization | country | location | group | media | other
    role: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    mentions: list[Span] = Field(default_factory=list)


class Speaker(Span):
    entity: Optional[str] = None


class DateValue(_Model):
    value: str
    granularity: Granularity = None


class Statement(_Model):
    id: str
    kind: Literal["direct", "indirect", "mixed"]
    speaker: Optional[Speaker] = None
    cue: Optional[Span] = None
    content: list[Span] = Field(default_factory=list)
    venue: Optional[str] = None
    date: Optional[DateValue] = None


class Location(_Model):
    name: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None


class Event(_Model):
    id: str
    type: str
    mode: Optional[str] = None
    cameo: Optional[str] = None
    source: list[str] = Field(default_factory=list)
    target: list[str] = Field(default_factory=list)
    date: Optional[DateValue] = None
    location: Optional[Location] = None
    evidence: Optional[Span] = None

    @model_validator(mode="after")
    def _known_type(self) -> "Event":
        if self.type not in PLOVER_TYPES:
            raise ValueError(f"unknown PLOVER event type {self.type!r}")
        return self


class Time(Span):
    value: Optional[str] = None
    granularity: Granularity = None


class Flag(_Model):
    kind: str
    message: str
    evidence: list[Span] = Field(default_factory=list)


class ErrorEntry(_Model):
    """Why a document (or part of it) could not be read.  ``code`` is stable, for scripts."""
    code: str
    message: str
    document: Optional[str] = None


class Result(_Model):
    schema_: str = Field(default=SCHEMA, alias="schema")
    id: Optional[str] = None
    source: Optional[str] = None
    text: str = ""
    article: Article = Field(default_factory=Article)
    entities: list[Entity] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    errors: list[ErrorEntry] = Field(default_factory=list)

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    # -- serialisation -------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, **kw: Any) -> str:
        kw.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kw)

    @classmethod
    def from_json(cls, data: "str | bytes | dict[str, Any]") -> "Result":
        if not isinstance(data, dict):
            data = json.loads(data)
        return cls.model_validate(data)

    # -- invariants ----------------------------------------------------------------
    def spans(self) -> list[Span]:
        """Every span in the result, for checking offsets."""
        out: list[Span] = []
        for entity in self.entities:
            out.extend(entity.mentions)
        for st in self.statements:
            if st.speaker is not None:
                out.append(st.speaker)
            if st.cue is not None:
                out.append(st.cue)
            out.extend(st.content)
        for ev in self.events:
            if ev.evidence is not None:
                out.append(ev.evidence)
        out.extend(self.times)
        for flag in self.flags:
            out.extend(flag.evidence)
        return out

    def check_spans(self) -> None:
        for span in self.spans():
            span.check(self.text)
        for p in self.article.paragraphs:
            if not (0 <= p.start <= p.end <= len(self.text)):
                raise ValueError(f"paragraph [{p.start}, {p.end}) outside the text")

    @property
    def ok(self) -> bool:
        return not self.errors


def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``tidings/1`` as generated from :class:`Result`."""
    schema = Result.model_json_schema(by_alias=True)
    schema["$id"] = "https://tidings.invalid/schema/tidings-1.json"
    schema["title"] = "tidings/1 result"
    return schema


@dataclass
class Document:
    """What ingestion produces.  ``text`` is fixed here and never edited afterwards."""
    text: str
    id: Optional[str] = None
    source: Optional[str] = None
    format: str = "text"  # text | html | pdf
    headline: Optional[str] = None          # when the source format names it (HTML, PDF)
    body_start: int = 0                     # where the body starts when the headline is known
    published: Optional[str] = None
    published_from: Optional[str] = None
    updated: Optional[str] = None
    outlet: Optional[str] = None
    url: Optional[str] = None
    urls: list[str] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # known from the format
    errors: list[ErrorEntry] = field(default_factory=list)
