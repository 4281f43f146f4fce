"""The extractor: one raw document in, its mentions, partnerships and sales figures out."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path

from flows.extract.companies import CompanyMatcher, Discoverer, Match
from flows.extract.constants import (
    ANAPHOR_PATTERNS,
    FUTURE_CUES,
    MAX_DOCUMENT_MENTIONS,
    MAX_DOCUMENT_NAME_HITS,
    MAX_DOCUMENT_READ_SENTENCES,
    MAX_SENTENCE_MENTIONS,
    ROUNDING_TOLERANCE,
)
from flows.extract.dates import month_bounds
from flows.extract.documents import PreparedDocument, prepare
from flows.extract.gate import gated, lower_like_re
from flows.extract.models import (
    CompanyMention,
    DocumentMeta,
    Extraction,
    PartnershipClaim,
    RawDocument,
    SalesClaim,
)
from flows.extract.numbers import find_quantities
from flows.extract.partnerships import Pair, holder_stake, sentence_partnerships
from flows.extract.people import find_people
from flows.extract.periods import (
    FOCUS_RELATIVE,
    STATED,
    Anchor,
    Period,
    may_name_period,
    period_mentions,
)
from flows.extract.reference import Reference, load_reference
from flows.extract.sales import (
    Context,
    SalesRow,
    continued_sales,
    may_be_sole_company_sales,
    names_sales_metric,
    section_before,
    sentence_sales,
    sole_company_sales,
    speaks_of_sales,
    subject_pronoun,
)
from flows.extract.sentences import Sentence, line_table, split_sentences
from flows.extract.text import fold
from flows.extract.vocabulary import marker_pattern, trigger_prefilter
from flows.settings import EXTRACTOR_VERSION, MAX_ERROR_CHARS, REFERENCE_DIR

# Searched in the sentence lowered like `re.IGNORECASE` does: branches that open with a
# fixed lower-case letter let `re` skip ahead, where a case-insensitive union tries every
# branch at every offset (four times slower on each sentence).
_NUMBERISH_RE = re.compile(r"\d|mil(?:li|jo|jard|iard|(?<=\bmil)a\b)|billion|tausend|duizend")
_CONTEXT_SENTENCES = 3
# The opening of an article: its title line and first sentences, which set its time frame.
_OPENING_SENTENCES = 3


class Extractor:
    """Pure, deterministic extraction against one reference list (automatons built once)."""

    def __init__(self, reference: Reference, today: date | None = None) -> None:
        self.reference = reference
        self.matcher = CompanyMatcher(reference)
        self.today = today or date.today()
        self._discoverers: dict[str | None, Discoverer] = {}

    def _discoverer(self, language: str | None) -> Discoverer:
        """The discovery rules of one language, compiled on first use."""
        if language not in self._discoverers:
            self._discoverers[language] = Discoverer(language)
        return self._discoverers[language]

    def find_mentions(self, text: str, language: str | None) -> list[Match]:
        """Reference and discovered company mentions of a text, in text order."""
        return self._find(text, language)[0]

    def _find(self, text: str, language: str | None) -> tuple[list[Match], list[Match]]:
        """Company mentions and product stand-ins of a text, from one dictionary pass."""
        folded = fold(text)
        # One automaton pass finds the names, discovery's anchors and whether a relation stem
        # stands in the text, and stops where the MAX_DOCUMENT_NAME_HITS-th dictionary hit
        # begins: the search for companies ends there.
        hits, anchors, relation, scope = self.matcher.scan_within(
            text, folded, MAX_DOCUMENT_NAME_HITS
        )
        if scope < len(text):
            text, folded = text[:scope], folded[:scope]
            hits, anchors, relation = self.matcher.scan(text, folded)
        matches, products = self.matcher.find(text, folded, hits)
        blocked = [(m.start, m.end) for m in matches] + products
        discovered = self._discoverer(language).find(
            text, blocked, self.matcher.stop_keys, folded, anchors, relation
        )
        # `ORF Mediaservice GmbH`: a unit named after a listed company is that company's.
        ends = {m.end for m in matches}
        discovered = [
            d for d in discovered if not (d.start - 1 in ends and text[d.start - 1] == " ")
        ]
        stand_ins = self.matcher.product_stand_ins(text, folded, hits) if products else []
        found = sorted(matches + discovered, key=lambda m: m.start)
        return found[:MAX_DOCUMENT_MENTIONS], stand_ins[:MAX_DOCUMENT_MENTIONS]

    def extract(self, doc: RawDocument) -> Extraction:
        """Read one document."""
        prepared = prepare(doc, self.today)
        text = prepared.text
        mentions, product_names = self._find(text, prepared.language)
        lines = line_table(text)
        line_starts = [line[0] for line in lines]
        paragraphs = {lines[bisect.bisect_right(line_starts, m.start) - 1][2] for m in mentions}
        # The opening paragraph sets the article's time frame even when it names no company.
        opening = next(
            (p for start, end, p in lines if end > prepared.body_start and text[start:end].strip()),
            None,
        )
        if mentions and opening is not None:
            paragraphs.add(opening)
        if mentions:
            paragraphs |= _figure_paragraphs(text, lines, paragraphs, mentions, prepared.language)
        sentences = split_sentences(
            text, prepared.language, prepared.body_start, paragraphs=paragraphs, lines=lines
        )
        by_sentence = _group_by_sentence(mentions, sentences)
        products = _group_by_sentence(product_names, sentences)
        extraction = Extraction(
            document_id=doc.document_id,
            extractor_version=EXTRACTOR_VERSION,
            meta=_meta(doc, prepared),
        )
        language = prepared.language
        # The date relative periods count from, read when a sentence first needs it.
        anchor = functools.cache(functools.partial(_anchor, prepared, text, sentences))
        last_sales: tuple[int, SalesRow] | None = None  # sentence index, its last figure
        # The period the text is talking about and the company of its last figure.
        focus = _Focus(language, anchor)
        topic: Match | None = None
        read = 0  # sentences read for relations and figures
        named_so_far: dict[str, Match] = {}
        last_named: Match | None = None
        for index, sentence in enumerate(sentences):
            found = by_sentence.get(index, [])
            sentence_text = text[sentence.start : sentence.end]
            for match in found:
                extraction.mentions.append(
                    CompanyMention(
                        mention_index=len(extraction.mentions),
                        company_id=match.company_id,
                        company_name=match.company_name,
                        is_reference=match.is_reference,
                        match_method=match.method,
                        surface_text=text[match.start : match.end],
                        char_start=match.start,
                        char_end=match.end,
                        sentence_text=sentence_text,
                    )
                )
            if read >= MAX_DOCUMENT_READ_SENTENCES:
                continue  # past the cap, mentions still count; relations and figures are not read
            if len(found) > MAX_SENTENCE_MENTIONS:
                # A list of companies: its mentions count, its relations and figures are not read.
                focus.read(index, sentence_text, [])
                continue
            for match in found:
                if not match.passive and not match.product_use:
                    named_so_far[match.company_id] = match
                    last_named = match
            # Passive mentions (`so die FAZ`, `auf LinkedIn`) are never a party.
            local = [_shift(m, -sentence.start) for m in found if not m.passive]
            if len({m.company_id for m in local}) == 1:
                # The company the sentence before is about may hold a stake in this one's.
                holder = _previous_topic(sentences, by_sentence, index, local[0].company_id)
                stake = holder and holder_stake(
                    sentence_text, local[0], holder, language, self.reference
                )
                if stake:
                    self._append_partnership(extraction, sentence, sentence_text, stake)
            numberish = _NUMBERISH_RE.search(lower_like_re(sentence_text)) is not None
            # A product stands for its maker as the other party when a sentence names one
            # company only ("Leapmotor integriert Doubao"); never as a mention or a seller.
            stand_ins = (
                [_shift(p, -sentence.start) for p in products.get(index, [])]
                if len({m.company_id for m in found if not m.passive and not m.product_use}) == 1
                else []
            )
            # `Er führe mit Rohm Gespräche`: a pronoun opening the sentence stands for the
            # company the sentence before is about.
            pronoun = _pronoun_antecedent(sentence_text, sentences, by_sentence, index, language)
            leaning = (
                [pronoun]
                if pronoun
                and (not local or pronoun.end <= local[0].start)
                and pronoun.company_id not in {m.company_id for m in local}
                else []
            )
            # `Der Konzern übernimmt X`: a definite description stands for the one company
            # the sentence before names.
            described = (
                _antecedent(
                    sentence_text,
                    sentences,
                    by_sentence,
                    index,
                    language,
                    {found[0].company_id},
                    across_paragraphs=True,
                )
                if len({m.company_id for m in found}) == 1
                and trigger_prefilter().search(sentence_text)
                else None
            )
            if described is not None and (
                not local
                or described.start < local[-1].end
                and described.end > local[0].start
                or described.start >= local[-1].end
                and not trigger_prefilter().search(sentence_text[local[-1].end : described.start])
            ):
                # A description before the name, or after it as the object of a relation
                # word (`X übernimmt den Konzern`).
                described = None
            named = found + stand_ins + leaning + ([described] if described else [])
            if len({m.company_id for m in named}) < 2 and not numberish:
                focus.read(index, sentence_text, [])
                continue
            read += 1
            if described:
                local = sorted([*local, described], key=lambda m: m.start)
            parties = sorted(local + stand_ins + leaning, key=lambda m: m.start)
            if len({m.company_id for m in parties}) >= 2:
                self._partnerships(
                    extraction,
                    sentence,
                    sentence_text,
                    parties,
                    language,
                    _following(text, sentences, index),
                )
            rows: list[SalesRow] = []
            if numberish:
                continues = last_sales is not None and last_sales[0] == index - 1
                if not local:
                    # `Der Münchner Hersteller verkaufte ...` may open a paragraph.
                    antecedent = _antecedent(
                        sentence_text,
                        sentences,
                        by_sentence,
                        index,
                        language,
                        across_paragraphs=True,
                    )
                    if antecedent is None and not continues:
                        # `Im April konnte man ... ausliefern`: a subject pronoun after a
                        # sentence about one company, which stated no figure to go on with.
                        antecedent = _antecedent(
                            sentence_text,
                            sentences,
                            by_sentence,
                            index,
                            language,
                            pattern=subject_pronoun(language),
                        )
                    local = [antecedent] if antecedent else []
                # The one company the text has named so far, for a figure naming none.
                sole = (
                    last_named
                    if not local
                    and named_so_far
                    and _one_company(named_so_far)
                    and may_be_sole_company_sales(
                        sentence_text, _previous_texts(text, sentences, index), language
                    )
                    else None
                )
                # Only a sentence holding a figure needs its context, the date and the focus.
                if (local or continues or sole) and find_quantities(sentence_text, language):
                    context = _context(text, sentences, index, anchor(), focus.current(), topic)
                    if local:
                        rows = sentence_sales(sentence_text, local, language, context)
                    elif last_sales and context.previous:
                        rows = continued_sales(sentence_text, last_sales[1], language, context)
                    elif sole is not None:
                        rows = sole_company_sales(sentence_text, sole, language, context)
                # A figure the text names no time for is no claim; it still serves the
                # figures after it as a base or as the previous row.
                for row in rows:
                    if not row.timeless:
                        self._append_sales(extraction, sentence, sentence_text, row)
                last_sales = (index, rows[-1]) if rows else None
            if rows:
                topic = rows[0].company
            focus.read(index, sentence_text, rows)
        extraction.people = find_people(
            text, language, sentences, extraction.mentions, lines, prepared.body_start
        )[:MAX_DOCUMENT_MENTIONS]
        extraction.sales = _without_rounded_duplicates(extraction.sales)
        extraction.partnerships = _without_fallback_types(extraction.partnerships)
        return extraction

    def _partnerships(
        self,
        extraction: Extraction,
        sentence: Sentence,
        sentence_text: str,
        local: list[Match],
        language: str | None,
        following: str,
    ) -> None:
        """Append the partnership claims of one sentence."""
        for pair in sentence_partnerships(
            sentence_text, local, language, self.reference, following
        ):
            self._append_partnership(extraction, sentence, sentence_text, pair)

    @staticmethod
    def _append_partnership(
        extraction: Extraction, sentence: Sentence, sentence_text: str, pair: Pair
    ) -> None:
        """Append one partnership claim read from a sentence."""
        extraction.partnerships.append(
            PartnershipClaim(
                claim_index=len(extraction.partnerships),
                company_a_id=pair.a.company_id,
                company_a_name=pair.a.company_name,
                company_b_id=pair.b.company_id,
                company_b_name=pair.b.company_name,
                is_directed=pair.directed,
                partnership_type=pair.type,
                status=pair.status,
                sentence_text=sentence_text,
                char_start=sentence.start,
                char_end=sentence.end,
                stake_percent=pair.stake_percent,
                amount_value=pair.amount_value,
                amount_currency=pair.amount_currency,
                trigger_text=pair.trigger,
            )
        )

    @staticmethod
    def _append_sales(
        extraction: Extraction, sentence: Sentence, sentence_text: str, row: SalesRow
    ) -> None:
        """Append one sales claim read from a sentence."""
        extraction.sales.append(
            SalesClaim(
                claim_index=len(extraction.sales),
                company_id=row.company.company_id,
                company_name=row.company.company_name,
                metric=row.metric,
                value=row.value,
                unit=row.unit,
                value_text=row.value_text,
                period_start=row.period.start if row.period else None,
                period_end=row.period.end if row.period else None,
                period_grain=row.period.grain if row.period else None,
                market=row.market,
                segment=row.segment,
                sentence_text=sentence_text,
                char_start=sentence.start,
                char_end=sentence.end,
                reporting_body=row.reporting_body,
            )
        )


def _meta(doc: RawDocument, prepared: PreparedDocument) -> DocumentMeta:
    """Document-level facts of a prepared document."""
    published = prepared.published
    return DocumentMeta(
        document_id=doc.document_id,
        language=prepared.language,
        title=prepared.title,
        published_date=published.value if published else None,
        published_precision=published.precision if published else None,
        date_source=prepared.date_source,
        text_body=prepared.text_body,
        char_count=len(prepared.text),
    )


def _article_reference_date(prepared: PreparedDocument) -> date | None:
    """The last day the publication date can stand for (end of month for `2021-03`)."""
    published = prepared.published
    if published is None:
        return None
    if published.precision == "month":
        return month_bounds(published.value.year, published.value.month)[1]
    if published.precision == "year":
        return date(published.value.year, 12, 31)
    return published.value


def _group_by_sentence(mentions: list[Match], sentences: list[Sentence]) -> dict[int, list[Match]]:
    """Mentions by the index of the sentence that holds them; others are dropped."""
    starts = [s.start for s in sentences]
    grouped: dict[int, list[Match]] = {}
    for mention in mentions:
        index = bisect.bisect_right(starts, mention.start) - 1
        if index < 0:
            continue
        sentence = sentences[index]
        if mention.end <= sentence.end:
            grouped.setdefault(index, []).append(mention)
    return grouped


def _shift(match: Match, delta: int) -> Match:
    """A mention with offsets moved (document to sentence)."""
    return dataclasses.replace(match, start=match.start + delta, end=match.end + delta)


def _context(
    text: str,
    sentences: list[Sentence],
    index: int,
    anchor: Anchor | None,
    focus: Period | None,
    topic: Match | None,
) -> Context:
    """The sentences around one sentence in its paragraph, its section, date, focus and topic."""
    sentence = sentences[index]
    previous = _previous_texts(text, sentences, index)
    heading, earlier = section_before(text, sentence.start)
    following = _following(text, sentences, index)
    return Context(previous, following, heading, earlier, anchor, focus, topic)


def _previous_texts(text: str, sentences: list[Sentence], index: int) -> tuple[str, ...]:
    """The sentences before one sentence in its paragraph, as its context holds them."""
    sentence = sentences[index]
    return tuple(
        text[s.start : s.end]
        for s in sentences[max(0, index - _CONTEXT_SENTENCES) : index]
        if s.paragraph == sentence.paragraph
    )


def _following(text: str, sentences: list[Sentence], index: int) -> str:
    """The sentence after one sentence in its paragraph, or nothing."""
    if index + 1 < len(sentences) and sentences[index + 1].paragraph == sentences[index].paragraph:
        return text[sentences[index + 1].start : sentences[index + 1].end]
    return ""


class _Focus:
    """The period the text talks about, brought up to date only when a figure needs it.

    Sentences without figures are kept and read in order at the next figure, so that a text
    without any figure never reads its periods.
    """

    def __init__(self, language: str | None, anchor: Callable[[], Anchor | None]) -> None:
        self.language = language
        self.anchor = anchor
        self.period: Period | None = None
        self.pending: list[tuple[int, str]] = []

    def read(self, index: int, sentence: str, rows: list[SalesRow]) -> None:
        """Take in one sentence and the figures read from it."""
        if not rows:
            self.pending.append((index, sentence))
            return
        self.period = _focus_after(
            sentence, self.language, self.anchor, self.current(), rows, index < _OPENING_SENTENCES
        )

    def current(self) -> Period | None:
        """The period the text talks about after the sentences taken in so far."""
        for index, sentence in self.pending:
            self.period = _focus_after(
                sentence, self.language, self.anchor, self.period, [], index < _OPENING_SENTENCES
            )
        self.pending.clear()
        return self.period


def _focus_after(
    sentence: str,
    language: str | None,
    anchor: Callable[[], Anchor | None],
    focus: Period | None,
    rows: list[SalesRow],
    opening: bool,
) -> Period | None:
    """The period the text talks about after a sentence.

    The period of its first figure that is no base of a comparison; else the one period a
    sentence about sales names (`their May delivery figures`), or, while the text has named
    none, the one period its opening names (`mit dem abgelaufenen Jahr zufrieden`); else the
    focus so far. Periods counted from another one (`Vormonat`) are never a focus.
    """
    for row in rows:
        if row.period is not None and not row.compared:
            return row.period
    if rows or not may_name_period(sentence, language):
        return focus
    if not (speaks_of_sales(sentence, language) or (opening and focus is None)):
        return focus
    periods = {
        m.period
        for m in period_mentions(sentence, language, anchor(), focus)
        if m.role == STATED and m.period is not None and m.kind not in FOCUS_RELATIVE
    }
    return periods.pop() if len(periods) == 1 else focus


def _anchor(prepared: PreparedDocument, text: str, sentences: list[Sentence]) -> Anchor | None:
    """The day the article's relative periods count from.

    The publication date when the document states it. Otherwise a lower bound: the latest
    period the text states for something that has happened (a year, a month of a year, a
    day), never a date of a sentence about the future or a year bounding something
    (`bis 2030`, `seit 2019`).
    """
    if prepared.published is not None and prepared.date_source != "text":
        return Anchor(_article_reference_date(prepared), exact=True)
    language = prepared.language
    future = _future_pattern(language)
    best: tuple[int, int] | None = None  # (year, month) with month 13 for a year alone
    if prepared.published is not None:
        best = (prepared.published.value.year, prepared.published.value.month)
    for sentence in sentences:
        sentence_text = text[sentence.start : sentence.end]
        if not _YEAR_DIGITS_RE.search(sentence_text) or future.search(sentence_text):
            continue
        for mention in period_mentions(sentence_text, language, None):
            if mention.role != STATED or mention.period is None:
                continue
            period = mention.period
            month = period.end.month if period.grain in ("month", "ytd") else 13
            candidate = (period.end.year, month)
            if (
                best is None
                or candidate[0] > best[0]
                or (
                    candidate[0] == best[0]
                    and candidate[1] != 13
                    and (best[1] == 13 or candidate[1] > best[1])
                )
            ):
                best = candidate
    if best is None:
        return None
    year, month = best
    if month == 13:
        return Anchor(date(year, 12, 31), exact=False, month_known=False)
    return Anchor(month_bounds(year, month)[1], exact=False)


_YEAR_DIGITS_RE = re.compile(r"(?:19|20)\d\d")


@functools.lru_cache(maxsize=8)
def _future_pattern(language: str | None) -> re.Pattern[str]:
    """Cues of a sentence about the future."""
    languages = (language,) if language in FUTURE_CUES else tuple(FUTURE_CUES)
    words = "|".join(FUTURE_CUES[lang] for lang in languages)
    return gated(re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.I))


def _without_fallback_types(claims: list[PartnershipClaim]) -> list[PartnershipClaim]:
    """Drop `other` claims of a pair that the document also states with a specific type."""
    typed = {
        frozenset((c.company_a_id, c.company_b_id)) for c in claims if c.partnership_type != "other"
    }
    kept = [
        c
        for c in claims
        if c.partnership_type != "other" or frozenset((c.company_a_id, c.company_b_id)) not in typed
    ]
    for index, claim in enumerate(kept):
        claim.claim_index = index
    return kept


def _significant_digits(value: Decimal) -> int:
    """How precisely a figure is written (`4272145` has 7, `4270000` has 3)."""
    return len(str(value.normalize()).split("E")[0].replace(".", "").replace("-", "").rstrip("0"))


def _without_rounded_duplicates(rows: list[SalesClaim]) -> list[SalesClaim]:
    """Drop a rounded figure when the same fact stands more precisely in the document."""
    kept = []
    for row in rows:
        rounded_twin = any(
            other is not row
            and other.company_id == row.company_id
            and other.metric == row.metric
            and other.period_start == row.period_start
            and other.period_grain == row.period_grain
            and other.market == row.market
            and other.value
            and abs(other.value - row.value) / other.value <= ROUNDING_TOLERANCE
            and _significant_digits(other.value) > _significant_digits(row.value)
            for other in rows
        )
        undated_twin = row.period_start is None and any(
            other is not row
            and other.period_start is not None
            and (other.company_id, other.metric, other.value)
            == (row.company_id, row.metric, row.value)
            for other in rows
        )
        if not rounded_twin and not undated_twin:
            kept.append(row)
    for index, row in enumerate(kept):
        row.claim_index = index
    return kept


def _figure_paragraphs(
    text: str,
    lines: list[tuple[int, int, int]],
    paragraphs: set[int],
    mentions: list[Match],
    language: str | None,
) -> set[int]:
    """Paragraphs naming no company whose figures may still be a company's: in a text about
    one company, those that speak of sales; in any text, those opening with a description
    of a company (`The Korean carmaker sold ...`), which refers to the company before."""
    parties = {m.company_id for m in mentions if not m.passive and not m.product_use}
    sole = bool(parties) and _one_company(parties)
    described = _anaphor_pattern(language)
    out: set[int] = set()
    opened: set[int] = set()
    for start, end, paragraph in lines:
        if paragraph in paragraphs or paragraph in out:
            continue
        line = text[start:end]
        if not line.strip():
            continue
        first = paragraph not in opened
        opened.add(paragraph)
        if not _DIGIT_RE.search(line):
            continue
        if (sole and names_sales_metric(line, language)) or (
            first and described is not None and described.match(line.lstrip())
        ):
            out.add(paragraph)
    return out


_DIGIT_RE = re.compile(r"\d")


def _one_company(ids: Iterable[str]) -> bool:
    """Whether company ids name one company: one id, or one and its units (`xiaomi-auto`)."""
    root = min(ids, key=len)
    return all(i == root or i.startswith(f"{root}-") for i in ids)


def _antecedent(
    sentence_text: str,
    sentences: list[Sentence],
    by_sentence: dict[int, list[Match]],
    index: int,
    language: str | None,
    exclude: set[str] | None = None,
    across_paragraphs: bool = False,
    pattern: re.Pattern[str] | None = None,
) -> Match | None:
    """The company a definite description (`der Hersteller`) refers back to, if unambiguous.

    `pattern` reads other words as the reference (a subject pronoun: `man`, `it`).

    Only the sentence right before, in the same paragraph (or, for a relation, the last
    sentence of the paragraph before), may hold the antecedent, and it must name exactly one
    company besides those in `exclude`; the stand-in mention sits on the description itself.
    """
    pattern = pattern or _anaphor_pattern(language)
    offset = sentences[index].start
    starts = {m.start - offset for m in by_sentence.get(index, [])}
    # A description right before a name introduces that name (`del gruppo Chery`).
    anaphor = next(
        (
            a
            for a in (pattern.finditer(sentence_text) if pattern else ())
            if a.end() + len(sentence_text[a.end() :]) - len(sentence_text[a.end() :].lstrip())
            not in starts
        ),
        None,
    )
    if anaphor is None or index == 0:
        return None
    if not across_paragraphs and sentences[index - 1].paragraph != sentences[index].paragraph:
        return None
    previous = [
        m
        for m in by_sentence.get(index - 1, [])
        if not m.product_use and not m.passive and m.company_id not in (exclude or set())
    ]
    if len({m.company_id for m in previous}) != 1:
        return None
    return dataclasses.replace(previous[-1], start=anaphor.start(), end=anaphor.end())


def _pronoun_antecedent(
    sentence_text: str,
    sentences: list[Sentence],
    by_sentence: dict[int, list[Match]],
    index: int,
    language: str | None,
) -> Match | None:
    """The company a subject pronoun opening a sentence that may state a relation stands
    for (`It also supplies X`): the one the sentence before is about; on the pronoun."""
    pronoun = marker_pattern("pronoun", language, "start").match(sentence_text)
    if pronoun is None or not trigger_prefilter().search(sentence_text):
        return None
    topic = _previous_topic(sentences, by_sentence, index, "")
    if topic is None:
        return None
    start = len(sentence_text) - len(sentence_text.lstrip())
    return dataclasses.replace(topic, start=start, end=pronoun.end())


def _previous_topic(
    sentences: list[Sentence], by_sentence: dict[int, list[Match]], index: int, exclude: str
) -> Match | None:
    """The company the sentence right before (same paragraph) is about, if unambiguous.

    That is the only company it names besides `exclude`, or the one it opens with.
    """
    if index == 0 or sentences[index - 1].paragraph != sentences[index].paragraph:
        return None
    previous = [
        m
        for m in by_sentence.get(index - 1, [])
        if not m.product_use and not m.passive and m.company_id != exclude
    ]
    if not previous:
        return None
    only = len({m.company_id for m in previous}) == 1
    return previous[0] if only or previous[0].start == sentences[index - 1].start else None


@functools.lru_cache(maxsize=8)
def _anaphor_pattern(language: str | None) -> re.Pattern[str] | None:
    """The definite descriptions that refer back to a company, for one language (behind the
    literal gate of their nouns: most sentences hold none)."""
    if language not in ANAPHOR_PATTERNS:
        return None
    return gated(re.compile(ANAPHOR_PATTERNS[language]))


_EXTRACTORS: dict[str, Extractor] = {}


def extract_batch(docs: list[RawDocument], reference_dir: str | None = None) -> list[Extraction]:
    """Extract a batch of documents; the reference is loaded once per process and directory."""
    key = str(Path(reference_dir) if reference_dir else REFERENCE_DIR)
    extractor = _EXTRACTORS.get(key)
    if extractor is None:
        extractor = Extractor(load_reference(Path(key)))
        _EXTRACTORS[key] = extractor
    return [_extract_one(extractor, doc) for doc in docs]


def _extract_one(extractor: Extractor, doc: RawDocument) -> Extraction:
    """One document's extraction, or the record of its failure: one bad document costs one."""
    try:
        return extractor.extract(doc)
    except Exception as exc:  # noqa: BLE001 - any error of one document is recorded, not raised
        reason = f"{type(exc).__name__}: {exc}"[:MAX_ERROR_CHARS]
        return Extraction.failed(doc.document_id, EXTRACTOR_VERSION, reason)
