"""Which gold deal a partnership claim states, on SmartData's span layout."""

from __future__ import annotations

from evaluation.smartdata import company_spans, deal_hit, gold_deals

TEXT = "Der Konzern Alpha übernimmt Beta. Gamma und Delta bleiben Partner."
RECORD = {
    "text": TEXT,
    "entities": [
        {"type": "organization-company", "start": 12, "end": 17},
        {"type": "organization-company", "start": 28, "end": 32},
        {"type": "organization", "start": 34, "end": 39},
    ],
    "relations": [
        {
            "name": "Acquisition",
            "args": [
                {"role": "buyer", "start": 12, "end": 17},
                {"role": "acquired", "start": 28, "end": 32},
                {"role": "date", "start": 0, "end": 3},
            ],
        },
        {"name": "Layoffs", "args": [{"role": "company", "start": 34, "end": 39}]},
    ],
}


def test_gold_company_spans_and_deals_keep_only_companies_and_party_roles() -> None:
    assert company_spans(RECORD) == [(12, 17), (28, 32)]
    assert gold_deals(RECORD) == [("acquisition", [(12, 17), (28, 32)])]


def test_a_claim_hits_a_deal_by_both_parties_or_by_one_party_and_the_sentence(
    make_claim,
) -> None:
    deals = gold_deals(RECORD)
    spans = {"alpha": [(12, 17)], "beta": [(28, 32)], "konzern": [(4, 11)], "gamma": [(34, 39)]}
    assert deal_hit(make_claim("alpha", "beta", "acquisition", span=(0, 33)), spans, deals) == 0
    assert deal_hit(make_claim("beta", "alpha", "acquisition", span=(0, 33)), spans, deals) == 0
    # The buyer named only by a description: its argument lies inside the claim's sentence.
    assert deal_hit(make_claim("konzern", "beta", "acquisition", span=(0, 33)), spans, deals) == 0
    assert deal_hit(make_claim("gamma", "beta", "acquisition", span=(34, 66)), spans, deals) is None
