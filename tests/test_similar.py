"""'Similar entries': the fast computation gives what comparing every pair of entries gives."""

from __future__ import annotations


def _by_comparing_every_pair(corpus, entry, limit=5):
    mine = corpus._terms(entry)
    linked = set(entry.data.get("related") or [])
    scored = []
    for other in corpus.of(entry.kind):
        shared = len(mine & corpus._terms(other))
        if shared >= 2 and other.id != entry.id and other.id not in linked:
            scored.append((-shared, other.id))
    return [other_id for _, other_id in sorted(scored)[:limit]]


def test_similar_entries_are_the_closest_by_shared_terms(corpus):
    compared = 0
    for entry in corpus.all():
        expected = _by_comparing_every_pair(corpus, entry)
        assert [other.id for other in corpus.similar(entry)] == expected, entry.id
        compared += len(expected)
    assert compared > 100  # the real content has many similar pairs: the test compares something


def test_an_entry_is_never_similar_to_itself_or_to_what_it_links(corpus):
    for entry in corpus.all():
        ids = {other.id for other in corpus.similar(entry)}
        assert entry.id not in ids
        assert not ids & set(entry.data.get("related") or [])
