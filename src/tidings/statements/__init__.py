"""Statements: quotes and reported speech, attributed to resolved speakers.

``run(analysis)`` returns ``list[Statement]``.  It combines

- :mod:`.rules`: attributions on the dependency parse (cue verb, its content clause, its
  subject as the source); :mod:`.nominal`: "according to X" and nouns of saying ("his
  claim that ...");
- :mod:`.quotes`: quote-mark pairing on the view text; quotes that the parse did not
  attach to a cue get a speaker from the frame around them (a dash attribution, "X:" before
  the quote, a verb of saying in the same sentence) or, for a floating quote paragraph,
  the speaker the article has been quoting (:mod:`.frames`);
- :mod:`.attribute`: the speaker's entity (entities layer, with pronouns resolved to the
  person the text last spoke of), the venue ("weekly briefing", "interview with ...",
  "cited by Interfax") and the date (time layer).

Cue verbs are picked by a small logistic-regression classifier over parse features
(:mod:`.cuemodel`, weights in ``model/cue_model.json``), trained on PolNeAR's train slice;
without the weights the lemma table ``data/statement_cues.json`` is used.  By default the
stage keeps statements (``attribute.build(..., scope="statements")``): what someone said,
wrote or claimed; ``scope="attributions"`` keeps every PolNeAR-style attribution, also
attitudes to a noun phrase ("endorsed Clinton"); a pipeline gets it with
``make_stage(scope="attributions")``.  It scores higher on PolNeAR but adds ~450
statements that a quote set does not hold (dev: PolNeAR 0.619 -> 0.642, quote proxy
F1@0.3 0.714 -> 0.732 with precision 0.843 -> 0.776, and the ``--speech`` quote proxy of
``bench/eval_quotes.py`` F1@0.3 0.814 -> 0.744), so it is not the default.

Evaluate (held-out/dev/train slices of PolNeAR by sha1 of the article)::

    .venv/bin/python bench/eval_statements.py --part heldout [--scope attributions] [--cues table]

Retrain: ``bench/eval_statements.py --part train`` (parses and caches the train slice),
then ``bench/learn_statement_cues.py`` (lemma table) and ``bench/train_statement_cues.py``
(classifier, about a minute of CPU).
"""
from __future__ import annotations

from functools import partial

from tidings.analysis import Analysis
from tidings.document import Statement
from tidings.stage import Stage
from tidings.statements.attribute import SCOPES, build


def run(analysis: Analysis) -> list[Statement]:
    return build(analysis)


STAGE = Stage("statements", assigns="statements", requires=("entities", "times"), func=run)


def make_stage(*, scope: str = "statements") -> Stage:
    """The statements stage with another scope: ``make_stage(scope="attributions")`` also
    keeps attitudes towards a noun phrase (PolNeAR-style attributions).  Swap it into a
    pipeline's ``stages`` in place of :data:`STAGE`."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES}")
    if scope == "statements":
        return STAGE
    return Stage("statements", assigns="statements", requires=STAGE.requires,
                 func=partial(build, scope=scope))
