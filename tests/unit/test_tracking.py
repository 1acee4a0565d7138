"""Tracking numbers: random, unique in practice, and every single typo or adjacent swap is caught."""
from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oms_desktop.domain.tracking import (ALPHABET, CHECK_ALPHABET, DATA_LENGTH, TrackingNumberError, check_symbol,
                                         format_tracking, looks_like_tracking, new_tracking_number, normalize,
                                         parse_tracking)

DISPLAY_RE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}[0-9A-HJKMNP-TV-Z*~$=U]$")


def _sample(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [normalize(new_tracking_number(randbits=rng.getrandbits)) for _ in range(n)]


def test_a_hundred_thousand_generated_numbers_are_unique_well_formed_and_parse():
    numbers = [new_tracking_number() for _ in range(100_000)]
    assert len(set(numbers)) == len(numbers)
    assert all(DISPLAY_RE.match(n) for n in numbers)
    assert all(parse_tracking(n) == n for n in numbers)


def test_numbers_are_not_enumerable_the_generator_uses_all_55_random_bits():
    assert new_tracking_number(randbits=lambda bits: 0) == "0000-0000-0000"
    draws = iter([2**55 - 1, 2**55 - 4])  # ZZZZZZZZZZZ would end in "$": drawn again; ...ZW ends in Z
    assert new_tracking_number(randbits=lambda bits: next(draws)) == "ZZZZ-ZZZZ-ZZWZ"
    redrawn = iter([32, 0])  # 00000000010 would end in '*': drawn again
    assert new_tracking_number(randbits=lambda bits: next(redrawn)) == "0000-0000-0000"
    seen_bits = []
    new_tracking_number(randbits=lambda bits: seen_bits.append(bits) or 0)
    assert seen_bits == [5 * DATA_LENGTH]


def test_every_single_symbol_substitution_is_detected():
    for number in _sample(200, seed=1):
        for pos in range(len(number)):
            symbols = CHECK_ALPHABET if pos == DATA_LENGTH else ALPHABET + "*~$=U"
            for sym in symbols:
                if sym == number[pos]:
                    continue
                typo = number[:pos] + sym + number[pos + 1:]
                with pytest.raises(TrackingNumberError):
                    normalize(typo)


def test_every_adjacent_transposition_is_detected():
    for number in _sample(200, seed=2):
        for pos in range(len(number) - 1):
            a, b = number[pos], number[pos + 1]
            if a == b:
                continue
            swapped = number[:pos] + b + a + number[pos + 2:]
            with pytest.raises(TrackingNumberError):
                normalize(swapped)


def test_typing_ignores_case_spaces_hyphens_and_reads_i_l_as_one_and_o_as_zero():
    data = "1O1L1I00000"
    canonical = "10111100000" + check_symbol("10111100000")
    assert normalize(data.lower() + canonical[-1]) == canonical
    assert normalize(" " + format_tracking(canonical).lower().replace("-", " - ") + " ") == canonical
    assert parse_tracking(canonical) == format_tracking(canonical)


@pytest.mark.parametrize("text, problem", [("", "has 12 characters"), ("ABCD-EFGH-JKM", "has 11"),
                                           ("ABCD-EFGH-JKMNP", "has 13"), ("ABCD-EFGH-JK!0", "not used"),
                                           ("ABCD-EFGH-JKU0", "not used")])
def test_malformed_numbers_are_refused_with_a_reason(text, problem):
    with pytest.raises(TrackingNumberError, match=problem):
        normalize(text)


def test_a_wrong_check_character_is_reported_as_a_probable_typo():
    number = _sample(1, seed=3)[0]
    wrong = CHECK_ALPHABET[(CHECK_ALPHABET.index(number[-1]) + 1) % 37]
    with pytest.raises(TrackingNumberError, match="probably a typo"):
        normalize(number[:-1] + wrong)


@given(data=st.text(alphabet=ALPHABET, min_size=DATA_LENGTH, max_size=DATA_LENGTH))
def test_any_data_with_its_check_symbol_is_valid(data):
    assert normalize(data + check_symbol(data)) == data + check_symbol(data)


def test_looks_like_tracking_spots_the_shape_but_not_plain_digits():
    assert looks_like_tracking("abcd efgh jkmn")
    assert not looks_like_tracking("123456789012")
    assert not looks_like_tracking("SO-000042")


def test_new_tracking_numbers_are_only_letters_digits_and_hyphens_so_they_can_be_read_out():
    from oms_desktop.domain import tracking
    numbers = [tracking.new_tracking_number() for _ in range(5000)]
    assert all(ch in tracking.ALPHABET + "-" for tn in numbers for ch in tn)


@given(st.text(alphabet=ALPHABET, min_size=DATA_LENGTH, max_size=DATA_LENGTH), st.sampled_from(CHECK_ALPHABET))
def test_only_a_well_formed_number_with_the_wrong_check_counts_as_a_typo(data, check):
    from oms_desktop.domain.tracking import fails_only_the_check
    typed = format_tracking(data + check).lower()
    assert fails_only_the_check(typed) == (check_symbol(data) != check)


@pytest.mark.parametrize("text", ["", "ABC", "ABCD-EFGH-JKMN-P", "ABCD-EFGH-JKU0", "<script>alert(1)</script>",
                                  "0000-0000-000!", "1234 5678 9012"[:-1]])
def test_malformed_text_is_not_a_typo(text):
    from oms_desktop.domain.tracking import fails_only_the_check
    assert not fails_only_the_check(text)


def test_the_numbers_one_typo_away_are_valid_and_include_the_original():
    from oms_desktop.domain.tracking import format_tracking, new_tracking_number, normalize, one_symbol_away
    tn = new_tracking_number()
    compact = normalize(tn)
    misheard = compact[:3] + ("7" if compact[3] != "7" else "8") + compact[4:]
    near = one_symbol_away(misheard)
    assert compact in near and all(normalize(format_tracking(c)) == c for c in near)
    swapped = compact[:2] + compact[3] + compact[2] + compact[4:]
    assert compact in one_symbol_away(swapped) or compact[2] == compact[3]


def test_phone_numbers_of_twelve_characters_are_not_tracking_numbers():
    from oms_desktop.domain.tracking import looks_like_tracking, new_tracking_number
    assert not looks_like_tracking("+49 40 6207579") and not looks_like_tracking("(030) 1234567")
    assert looks_like_tracking(new_tracking_number())
