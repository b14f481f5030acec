"""Property-based tests (hypothesis) for the loader and the validators: whatever the input, they
answer with data or with Problems naming a line, never with a crash."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from integra.loader import Document, LoadError, parse
from integra.model import KINDS
from integra.schema import validate

keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=12)
# YAML reads NEL and the Unicode line and paragraph separators as line breaks (PyYAML's own dumper
# does not round-trip them either); they are left out of generated texts.
texts = st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x85\u2028\u2029"), max_size=40)
scalars = st.one_of(texts, st.integers(-10**6, 10**6), st.booleans(), st.none())
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)), max_leaves=12)
documents = st.dictionaries(keys, values, min_size=1, max_size=8)


@given(documents)
def test_plain_yaml_round_trips(data):
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    parsed = parse(text, "x.yml")
    assert parsed.data == data
    for path in parsed.lines:
        assert parsed.line_of(path) >= 1


@given(st.text(max_size=300))
def test_any_text_gives_data_or_a_problem(text):
    try:
        document = parse(text, "x.yml")
    except LoadError as err:
        assert err.problem.path == "x.yml"
        assert err.problem.line >= 1
        assert err.problem.message
    else:
        assert isinstance(document.data, dict)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(documents, st.sampled_from(sorted(KINDS)))
def test_validation_of_any_data_yields_problems_with_lines(corpus, data, kind):
    document = Document(path="content/x.yml", data=data, lines={(): 1})
    for problem in validate(corpus.schemas, kind, document):
        assert problem.line >= 1
        assert problem.message
        assert problem.path == "content/x.yml"


def test_yaml_11_booleans_stay_text():
    """NO is Norway's country code, not false; only true and false are booleans."""
    assert parse("countries: [NO, no, Yes, 'off']\nflag: true\n", "x.yml").data == {"countries": ["NO", "no", "Yes", "off"], "flag": True}
