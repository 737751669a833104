"""ISO 3166-1 alpha-2 country codes, for the jurisdictions a pack names.

A pack that says ``jurisdictions: [UK]`` would never apply (listings carry ``GB``), so every
code a pack, an override, an access rule or a case names must be an assigned ISO 3166-1
alpha-2 code, ``*`` (everywhere) or one of the documented exceptions below.
"""

from __future__ import annotations

_CODES = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
"""
ISO_3166_1_ALPHA_2 = frozenset(_CODES.split())

#: Codes accepted although ISO 3166-1 does not assign them (documented in docs/policy-packs.md).
EXCEPTIONS = {"XK": "Kosovo (user-assigned; used by the EU, SWIFT and most platforms)"}

#: Codes people write for a country whose ISO code differs.
MISTAKES = {
    "UK": "GB",  # the United Kingdom is GB in ISO 3166-1
    "EL": "GR",  # the EU's code for Greece
    "EN": "GB",
    "SP": "ES",
}


def is_country(code: str) -> bool:
    return code == "*" or code in ISO_3166_1_ALPHA_2 or code in EXCEPTIONS


def country_hint(code: str) -> str:
    """What to write instead of ``code``."""
    right = MISTAKES.get(code.upper())
    if right is not None and right != code:
        return f"did you mean '{right}'? (ISO 3166-1 alpha-2; '*' means everywhere)"
    if code.upper() != code and is_country(code.upper()):
        return f"write it in capitals: '{code.upper()}'"
    return "use an ISO 3166-1 alpha-2 code (GB, DE, CN…) or '*' for everywhere"
