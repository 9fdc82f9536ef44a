"""The fast change-log hash writes exactly the bytes of the canonical JSON one."""

from hypothesis import given
from hypothesis import strategies as st

from app.models.hashing import LOG_FIELDS_SORTED, chain_hash, chain_hash_text

text = st.one_of(st.none(), st.text())


@given(st.fixed_dictionaries({name: text for name in LOG_FIELDS_SORTED}), st.text(min_size=1))
def test_fast_hash_equals_the_json_hash(fields, prev):
    assert chain_hash_text(prev, fields) == chain_hash(prev, fields)


def test_accents_quotes_and_controls():
    fields = dict.fromkeys(LOG_FIELDS_SORTED, 'Núñez "Ñ"\\\n\t\u2028')
    fields["old_value"] = None
    assert chain_hash_text("0" * 64, fields) == chain_hash("0" * 64, fields)
