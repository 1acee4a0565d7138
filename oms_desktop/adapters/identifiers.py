"""Checks of what the company settings hold: IBANs and VAT IDs by their check digits (python-stdnum), locale names
(Babel's CLDR data). Each returns the value in its usual spelling or raises ValueError saying what is wrong."""
from __future__ import annotations

from babel import Locale, UnknownLocaleError
from stdnum import iban as _iban
from stdnum import vatin
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError


def _why(e: ValidationError) -> str:
    if isinstance(e, InvalidChecksum):
        return "its check digits are wrong (a typing error?)"
    if isinstance(e, InvalidLength):
        return "it has the wrong number of characters"
    if isinstance(e, InvalidComponent):
        return "its country code is unknown"
    if isinstance(e, InvalidFormat):
        return "it has characters that do not belong there"
    return "it is not valid"


class StdnumChecks:
    """``services.ports.IdentifierChecks`` with python-stdnum and Babel."""

    def iban(self, text: str) -> str:
        try:
            return _iban.format(_iban.validate(text))
        except ValidationError as e:
            raise ValueError(f"'{text}' is not an IBAN: {_why(e)}") from None

    def vat_id(self, text: str) -> str:
        try:
            return vatin.validate(text)
        except ValidationError as e:
            raise ValueError(f"'{text}' is not a VAT ID (country code and number, e.g. DE136695976): {_why(e)}") \
                from None

    def locale(self, text: str) -> str:
        try:
            return str(Locale.parse(text.strip().replace("-", "_")))
        except (UnknownLocaleError, ValueError, TypeError):
            raise ValueError(f"locale '{text}' does not exist (language and country, e.g. en_US, de_DE)") from None
