"""Fixtures for the extractor tests: a small reference list written here, and the real one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from flows.extract import Extractor, Reference, load_reference
from flows.extract.models import RawDocument
from flows.settings import REFERENCE_DIR

TODAY = date(2026, 1, 15)

COMPANIES = (
    (
        "company_id,company_name,country_code,sector,parent_company_id,co_parent_company_id,"
        "company_kind,wikidata_id\n"
    )
    + """volkswagen,Volkswagen Group,DE,automaker,,,company,
audi,Audi,DE,automaker,volkswagen,,company,
seat,SEAT,ES,automaker,volkswagen,,company,
man-truck-bus,MAN Truck & Bus,DE,automaker,volkswagen,,company,
tesla,Tesla,US,automaker,,,company,
byd,BYD,CN,automaker,,,company,
xiaomi,Xiaomi,CN,technology,,,company,
renault,Renault Group,FR,automaker,,,company,
geely,Geely,CN,automaker,,,company,
saic,SAIC Motor,CN,automaker,,,company,
gm,General Motors,US,automaker,,,company,
saic-gm-wuling,SAIC-GM-Wuling,CN,automaker,saic,gm,joint_venture,
great-wall-motor,Great Wall Motor,CN,automaker,,,company,
nio,NIO,CN,automaker,,,company,
ford,Ford,US,automaker,,,company,
gotion,Gotion High-Tech,CN,battery,,,company,
catl,CATL,CN,battery,,,company,
bmw,BMW Group,DE,automaker,,,company,
stellantis,Stellantis,NL,automaker,,,company,
leapmotor,Leapmotor,CN,automaker,,,company,
honda,Honda,JP,automaker,,,company,
nissan,Nissan,JP,automaker,,,company,
apple,Apple,US,technology,,,company,
hyundai,Hyundai Motor,KR,automaker,,,company,
kia,Kia,KR,automaker,hyundai,,company,
samsung-electronics,Samsung Electronics,KR,technology,,,company,
openai,OpenAI,US,ai,,,company,
nvidia,Nvidia,US,chips,,,company,
mercedes-benz,Mercedes-Benz Group,DE,automaker,,,company,
smart,Smart Automobile,CN,automaker,mercedes-benz,geely,joint_venture,
ora,Ora,CN,automaker,great-wall-motor,,brand,
cupra,Cupra,ES,automaker,seat,,brand,
wuling,Wuling,CN,automaker,saic-gm-wuling,,brand,
zeekr,Zeekr,CN,automaker,geely,,brand,
"""
)
ALIASES = """company_id,alias,case_sensitive
volkswagen,Volkswagen,false
volkswagen,VW,true
man-truck-bus,MAN,true
tesla,Tesla Inc.,false
renault,Renault,false
saic,SAIC,false
gm,GM,true
great-wall-motor,Great Wall Motors,false
great-wall-motor,GWM,false
nio,Nio,false
gotion,Gotion,false
samsung-electronics,Samsung,false
hyundai,Hyundai,false
mercedes-benz,Mercedes-Benz,false
mercedes-benz,Mercedes,false
smart,Smart,false
"""
PRODUCTS = """product,company_id
Model Y,tesla
SU7,xiaomi
ChatGPT,openai
"""


@pytest.fixture(scope="session")
def reference_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small reference list in the seed format, written once for the session."""
    folder = tmp_path_factory.mktemp("reference")
    for name, text in (
        ("reference_companies.csv", COMPANIES),
        ("reference_company_aliases.csv", ALIASES),
        ("reference_products.csv", PRODUCTS),
    ):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def reference(reference_dir: Path) -> Reference:
    """The small reference list, loaded."""
    return load_reference(reference_dir)


@pytest.fixture(scope="session")
def extractor(reference: Reference) -> Extractor:
    """An extractor on the small reference list with a fixed today."""
    return Extractor(reference, today=TODAY)


@pytest.fixture(scope="session")
def real_extractor() -> Extractor:
    """An extractor on the project's seed reference list (skipped when it is absent)."""
    if not (REFERENCE_DIR / "reference_companies.csv").exists():
        pytest.skip("the reference seeds are absent")
    return Extractor(load_reference(REFERENCE_DIR), today=TODAY)


def doc(body: str, source_format: str = "text", document_id: str = "doc") -> RawDocument:
    """A raw document for a test."""
    return RawDocument(document_id, f"{document_id}.txt", body, source_format)
