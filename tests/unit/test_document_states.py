"""The documents' state machines: every state is known and reachable, final states stay final, refusals in words."""
from __future__ import annotations

import pytest

from oms_desktop.domain.document_states import MOVES, BackorderStatus, PurchaseOrderStatus, check_move
from oms_desktop.domain.errors import InvalidTransition


@pytest.mark.parametrize("kind", list(MOVES), ids=lambda k: k.__name__)
def test_every_state_has_its_moves_and_is_reachable_from_the_first(kind):
    """... or from another state a document starts in."""
    table = MOVES[kind]
    assert set(table) == set(kind)
    assert all(set(nexts) <= set(kind) for nexts in table.values())
    # the first state, and any other a document starts in (nothing moves to it: a backorder taken at entry waits)
    entries = [list(kind)[0]] + [s for s in kind if not any(s in nexts for nexts in table.values())]
    seen, todo = set(), entries
    while todo:
        state = todo.pop()
        if state not in seen:
            seen.add(state)
            todo.extend(table[state])
    assert seen == set(kind)


def test_a_refused_move_names_the_document_its_state_and_what_could_come_next():
    with pytest.raises(InvalidTransition, match=r"^PO-000003 is partly received; it cannot become cancelled "
                                                r"\(possible next: partly received, received\)\.$"):
        check_move(PurchaseOrderStatus, "partly_received", "cancelled", "PO-000003")
    with pytest.raises(InvalidTransition, match=r"is released; .* \(possible next: none \(it is final\)\)"):
        check_move(BackorderStatus, "released", "fulfilled", "the backorder of SO-000001")
    check_move(PurchaseOrderStatus, "sent", "received", "PO-000003")  # allowed: no exception
