"""Device categories: the customer's words mapped to the keys we count and report by.

Manifests say "Bärbar dator", "Laptop", "NB" or "Dator, bärbar". Reconciliation, receipts and
CO2e factors work on canonical keys; the customer's own text is kept beside them.
"""

from __future__ import annotations

import re

CATEGORIES: dict[str, tuple[str, str]] = {
    # key: (English, Swedish)
    "laptop": ("Laptop", "Bärbar dator"),
    "desktop": ("Desktop", "Stationär dator"),
    "monitor": ("Monitor", "Bildskärm"),
    "smartphone": ("Smartphone", "Mobiltelefon"),
    "tablet": ("Tablet", "Surfplatta"),
    "server": ("Server", "Server"),
    "thin_client": ("Thin client", "Tunn klient"),
    "docking_station": ("Docking station", "Dockningsstation"),
    "printer": ("Printer", "Skrivare"),
    "network": ("Network equipment", "Nätverksutrustning"),
    "peripheral": ("Peripheral", "Kringutrustning"),
    "cable": ("Cables and chargers", "Kablar och laddare"),
    "other": ("Other", "Övrigt"),
}

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "laptop": ("laptop", "notebook", "nb", "bärbar", "bärbardator", "datorbärbar", "bärbarpc", "ultrabook",
               "chromebook", "macbook", "portabeldator", "laptops"),
    "desktop": ("desktop", "stationär", "stationärdator", "datorstationär", "pc", "arbetsstation",
                "workstation", "minipc", "allinone", "aio", "imac", "dator", "computer"),
    "monitor": ("monitor", "skärm", "bildskärm", "display", "lcd", "datorskärm", "monitors", "skärmar"),
    "smartphone": ("smartphone", "mobil", "mobiltelefon", "telefon", "phone", "iphone", "smarttelefon",
                   "mobiltelefoner", "mobilephone", "cellphone"),
    "tablet": ("tablet", "surfplatta", "platta", "ipad", "läsplatta", "surfplattor"),
    "server": ("server", "servrar", "rackserver"),
    "thin_client": ("tunnklient", "thinclient", "tunnaklienter"),
    "docking_station": ("dockningsstation", "docka", "dock", "dockingstation", "portreplikator"),
    "printer": ("skrivare", "printer", "multifunktionsskrivare", "mfp"),
    "network": ("nätverk", "switch", "router", "accesspunkt", "accesspoint", "brandvägg", "firewall"),
    "peripheral": ("mus", "möss", "mouse", "tangentbord", "keyboard", "headset", "hörlurar", "webbkamera",
                   "webcam", "kringutrustning", "peripheral", "högtalare"),
    "cable": ("kabel", "kablar", "cable", "cables", "laddare", "charger", "adapter", "nätadapter",
              "strömadapter", "powersupply"),
}
_LOOKUP = {syn: key for key, syns in _SYNONYMS.items() for syn in syns}
_LOOKUP.update({key: key for key in CATEGORIES})


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-zåäöéü]", "", text.casefold())


for _key, (_en, _sv) in CATEGORIES.items():
    _LOOKUP.setdefault(_squash(_en), _key)
    _LOOKUP.setdefault(_squash(_sv), _key)


def category_key(text: str | None) -> str:
    """The canonical category of a customer's category text; ``other`` when unknown."""
    if not text:
        return "other"
    squashed = _squash(text)
    if squashed in _LOOKUP:
        return _LOOKUP[squashed]
    for word in re.split(r"[^0-9a-zåäöéü]+", text.casefold()):
        if word in _LOOKUP:
            return _LOOKUP[word]
    return "other"


def category_label(key: str, lang: str = "en") -> str:
    en, sv = CATEGORIES.get(key, CATEGORIES["other"])
    return sv if lang == "sv" else en
