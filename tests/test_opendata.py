"""Open data: the JSON files validate against the published schemas; CSV and feeds are complete."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .conftest import LANGUAGES


@pytest.fixture(scope="module")
def published_registry(built_site):
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (built_site / "schemas").glob("*.json")}
    registry = Registry().with_resources((name, Resource.from_contents(s, default_specification=DRAFT202012)) for name, s in schemas.items())
    return schemas, registry


@pytest.mark.parametrize("language", LANGUAGES)
def test_json_data_validates_against_published_schemas(built_site, published_registry, corpus, language):
    schemas, registry = published_registry
    files = sorted((built_site / "data" / language).glob("*.json"))
    assert len(files) >= 5
    total = 0
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["language"] == language and document["licence"] == "CC-BY-4.0"
        validator = Draft202012Validator(schemas[document["schema"].split("/")[-1]], registry=registry, format_checker=FormatChecker(formats=["date"]))
        for id_, entry in document["entries"].items():
            errors = [e.message for e in validator.iter_errors(entry)]
            assert errors == [], (path.name, id_, errors[:3])
        assert len(document["entries"]) == len(corpus.of(document["kind"]))
        total += len(document["entries"])
    assert total == len(list(corpus.all()))


def test_csv_has_a_row_per_practice_and_a_translation_column(built_site, corpus):
    rows = list(csv.DictReader((built_site / "data/fr/practices.csv").open(encoding="utf-8")))
    assert len(rows) == len(corpus.of("practice"))
    assert {row["translation"] for row in rows} <= {"machine", "reviewed", "missing", "outdated"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_atom_feed_is_well_formed(built_site, language):
    path = built_site / ("" if language == "en" else language) / "feed.xml"
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert len(root.findall("{http://www.w3.org/2005/Atom}entry")) > 10
