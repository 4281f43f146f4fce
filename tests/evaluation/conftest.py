"""Fixtures for the evaluation tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flows.extract.models import PartnershipClaim


@pytest.fixture
def make_claim() -> Callable[..., PartnershipClaim]:
    """A factory of partnership claims: pair, type, status and the sentence's span."""

    def make(
        a: str = "bmw",
        b: str = "nio",
        kind: str = "technology",
        status: str = "active",
        span: tuple[int, int] = (0, 0),
        directed: bool = False,
    ) -> PartnershipClaim:
        return PartnershipClaim(
            claim_index=0,
            company_a_id=a,
            company_a_name=a,
            company_b_id=b,
            company_b_name=b,
            is_directed=directed,
            partnership_type=kind,
            status=status,
            sentence_text="",
            char_start=span[0],
            char_end=span[1],
        )

    return make
