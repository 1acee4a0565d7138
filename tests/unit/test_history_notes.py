"""The services' history notes: stored as their English text, read back as the message of their template (so the
GUI shows them in its language); a note a user typed stays as typed."""
from __future__ import annotations

import pytest

from oms_desktop.domain import history_notes as notes
from oms_desktop.domain.messages import Message


@pytest.mark.parametrize("template, params", [
    (notes.PLACED, {}),
    (notes.ON_PICK_LIST, dict(pick_list="PL-000012", tote="3")),
    (notes.NOTHING_FOUND, dict(pick_list="PL-000012")),
    (notes.BACKORDER_WAITS, dict(lines="2 x LAMP-01, 1 x BOOK-01")),
    (notes.BACKORDER_RESERVED, dict(lines="2 x LAMP-01")),
    (notes.BACKORDER_READY, dict(lines="2 x LAMP-01")),
    (notes.BACKORDER_RELEASED, dict(lines="2 x LAMP-01")),
    (notes.BACKORDER_RELEASED_WHY, dict(lines="2 x LAMP-01", reason="customer (by phone) said so")),
    (notes.SHIPPED_OWING, dict(parcel="DHL JD0146", lines="1 x BOOK-01")),
    (notes.REPEAT_OF, dict(order="SO-000042")),
])
def test_each_note_reads_back_as_its_template_with_its_parameters(template, params):
    stored = str(notes.note(template, **params))  # what the database holds: plain English
    assert type(stored) is str and stored == template.format(**params)
    back = notes.read_note(stored)
    assert isinstance(back, Message) and back.template == template and back.params == params and back == stored


@pytest.mark.parametrize("typed", ["left with the neighbour", "backorder: call me", "Placed", "", None])
def test_a_typed_note_is_shown_as_typed(typed):
    back = notes.read_note(typed)
    assert back == (typed or "") and not isinstance(back, Message)


def test_only_the_modules_templates_are_written():
    with pytest.raises(AssertionError):
        notes.note("shipped by {who}", who="bob")
