"""KP3xx: core values (värdeord) and the brand promise "Låna dig rik" (agenda points 9–12)."""

from __future__ import annotations

from collections.abc import Iterator

from .._catalogue.messages import text
from .._extension.rule import Hit, RuleContext, Severity, rule
from ..model import Plan
from ._util import blank

__all__ = ["RULES", "VALUE_WORDS"]

#: The four value words of the regional brand.
VALUE_WORDS = ("lyhörd", "kreativ", "kompetent", "engagerad")
WHOM_SV = {"for_staff": "personalen", "for_target_groups": "målgrupperna"}


@rule(
    "KP301",
    "value-word-unaddressed",
    Severity.WARNING,
    "Each value word says what it means for staff and for the target groups.",
    """
The agenda: *"Hur ska vi hantera värdeorden lyhörd, kreativ, kompetent och
engagerad?"*, *"Vad innebär det för oss som personal?"* and *"Vad innebär det för
målgrupperna?"* A value word nobody has translated into behaviour is a slogan.

**How to fix it:** for each entry of `values.words`, write `for_staff` and
`for_target_groups`.
""",
    summary_sv="Varje värdeord säger vad det innebär för personalen och för målgrupperna.",
    explanation_sv="""
Dagordningen: *"Hur ska vi hantera värdeorden lyhörd, kreativ, kompetent och
engagerad?"*, *"Vad innebär det för oss som personal?"* och *"Vad innebär det för
målgrupperna?"* Ett värdeord som ingen har översatt till handling är en slogan.

**Så rättar du:** skriv `for_staff` och `for_target_groups` för varje post i
`values.words`.
""",
)
def value_word_unaddressed(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A value word without its meaning for staff or for target groups."""
    for i, word in enumerate(plan.values.words):
        for field, whom in (("for_staff", "the staff"), ("for_target_groups", "target groups")):
            if blank(getattr(word, field)):
                yield (
                    f"values.words[{i}].{field}",
                    text(
                        "values_say_what_word_s",
                        word=word.word or "the word",
                        whom=whom,
                        word2=word.word or "ordet",
                        whom_sv=WHOM_SV[field],
                    ),
                )


@rule(
    "KP302",
    "promise-unaddressed",
    Severity.WARNING,
    "The plan says how the library fulfils the promise and what it means.",
    """
The agenda: *"Hur skall vi uppfylla löftet 'Låna dig rik'?"*, followed by what it
means for the staff and for the target groups.

**How to fix it:** write `values.promise`, `values.promise_fulfilment`,
`values.for_staff` and `values.for_target_groups`.
""",
    summary_sv="Planen säger hur biblioteket uppfyller löftet och vad det innebär.",
    explanation_sv="""
Dagordningen: *"Hur skall vi uppfylla löftet 'Låna dig rik'?"*, följt av vad det
innebär för personalen och för målgrupperna.

**Så rättar du:** skriv `values.promise`, `values.promise_fulfilment`,
`values.for_staff` och `values.for_target_groups`.
""",
)
def promise_unaddressed(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """The promise or what it means left empty."""
    texts = {
        "promise": text("values_write_brand_promise_e"),
        "promise_fulfilment": text("values_say_how_library_fulfils"),
        "for_staff": text("values_say_what_promise_means"),
        "for_target_groups": text("values_say_what_promise_means_2"),
    }
    for field, message in texts.items():
        if blank(getattr(plan.values, field)):
            yield f"values.{field}", message


@rule(
    "KP303",
    "value-word-missing",
    Severity.WARNING,
    "All four value words are discussed: lyhörd, kreativ, kompetent, engagerad.",
    """
The agenda names the four value words of the shared brand: *"lyhörd, kreativ,
kompetent och engagerad"*. Each library says what each of them means locally.

**How to fix it:** add the missing words under `values.words`.
""",
    summary_sv="Alla fyra värdeorden diskuteras: lyhörd, kreativ, kompetent, engagerad.",
    explanation_sv="""
Dagordningen nämner det gemensamma varumärkets fyra värdeord: *"lyhörd, kreativ,
kompetent och engagerad"*. Varje bibliotek säger vad vart och ett betyder lokalt.

**Så rättar du:** lägg till de ord som saknas under `values.words`.
""",
)
def value_word_missing(plan: Plan, context: RuleContext) -> Iterator[Hit]:
    """A value word of the brand that the plan does not discuss."""
    have = {word.word.strip().casefold() for word in plan.values.words}
    missing = [word for word in VALUE_WORDS if word not in have]
    if missing:
        yield (
            "values.words",
            text("values_discuss_value_words_missing", missing=", ".join(missing)),
        )


RULES = (value_word_unaddressed, promise_unaddressed, value_word_missing)
