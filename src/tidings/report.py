"""The human-readable ``text`` report of a result."""
from __future__ import annotations

import textwrap

from tidings.document import Result


def _show(text: str) -> str:
    """A span's text as a reader should see it: the cleaner's repairs applied (line-end
    hyphens mended, mojibake fixed), whitespace collapsed.  The JSON keeps the original."""
    from tidings.clean.repair import mend_hyphen, repair_line

    lines = text.splitlines()
    out = ""
    for k, line in enumerate(lines):
        line = line.strip()
        if k and out.endswith("-") and mend_hyphen(out, line) == "join":
            out = out[:-1] + line
        elif k and out.endswith("-") and mend_hyphen(out, line) == "compound":
            out += line
        else:
            out = f"{out} {line}" if out else line
    return " ".join(repair_line(out).split())


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(_show(text), width=88, initial_indent=indent,
                         subsequent_indent=indent + "  ")


def render(result: Result) -> str:
    a = result.article
    out: list[str] = []
    name = result.id or result.source or "document"
    out.append(a.headline or f"({name}: no headline found)")
    out.append("=" * min(88, len(out[0])))
    pub = f"{a.published} (from {a.published_from})" if a.published else "unknown"
    out.append(f"Outlet: {a.outlet or 'unknown'}    Published: {pub}")
    if result.source:
        out.append(f"Source: {result.source}")
    out.append("")
    if result.errors:
        out.append("ERRORS")
        for err in result.errors:
            out.append(f"  [{err.code}] {err.message}")
        out.append("")
    flags = [f for f in result.flags]
    out.append(f"FLAGS ({len(flags)})" if flags else "FLAGS: none")
    for f in flags:
        out.append(_wrap(f"!! {f.kind}: {f.message}"))
        for ev in f.evidence:
            out.append(_wrap(f"evidence: “{ev.text}” [{ev.start}:{ev.end}]", "     "))
    out.append("")

    out.append(f"ARTICLE: {len(a.paragraphs)} paragraphs, {len(a.urls)} URLs")
    normalized = getattr(a, "normalized", None)
    shown = normalized.split("\n\n")[1 if a.headline and normalized else 0:] if normalized else \
        [result.text[p.start:p.end] for p in a.paragraphs]
    for para in shown:
        out.append(_wrap(para))
        out.append("")
    for u in a.urls:
        out.append(f"  link: {u}")
    out.append("")

    ents = {e.id: e for e in result.entities}
    out.append(f"ENTITIES ({len(result.entities)})" if result.entities else "ENTITIES: none found")
    for e in result.entities:
        extra = ", ".join(x for x in (e.role, e.country, e.sector) if x)
        out.append(f"  {e.id:>4}  {e.name} [{e.kind}{'; ' + extra if extra else ''}]  "
                   f"({len(e.mentions)} mention{'s' if len(e.mentions) != 1 else ''})")
    out.append("")

    out.append(f"STATEMENTS ({len(result.statements)})" if result.statements else "STATEMENTS: none found")
    for s in result.statements:
        who = "(no source)"
        if s.speaker is not None:
            ent = ents.get(s.speaker.entity or "")
            who = ent.name if ent else s.speaker.text
        content = " … ".join(c.text for c in s.content)
        cue = s.cue.text if s.cue else "—"
        out.append(_wrap(f"{s.id}: {who} — {cue} ({s.kind}): “{content}”"))
        extras = [x for x in (s.venue, s.date.value if s.date else None) if x]
        if extras:
            out.append(_wrap(" · ".join(extras), "      "))
    out.append("")

    out.append(f"EVENTS ({len(result.events)})" if result.events else "EVENTS: none found")
    for v in result.events:
        src = ", ".join(ents[i].name if i in ents else i for i in v.source) or "?"
        tgt = ", ".join(ents[i].name if i in ents else i for i in v.target) or "?"
        mode = f" [{v.mode}]" if v.mode else ""
        date = f" on {v.date.value} ({v.date.granularity})" if v.date else ""
        out.append(_wrap(f"{v.id}: {src} —{v.type}{mode} (CAMEO {v.cameo or '?'})→ {tgt}{date}"))
        if v.evidence:
            out.append(_wrap(f"“{v.evidence.text}”", "      "))
    out.append("")

    out.append(f"TIMES ({len(result.times)})" if result.times else "TIMES: none found")
    for t in result.times:
        out.append(f"  “{_show(t.text)}” → {t.value or '?'} ({t.granularity or '—'})")
    return "\n".join(out).rstrip() + "\n"
