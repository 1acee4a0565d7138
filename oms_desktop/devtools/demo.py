"""The demo company "Northwind Home & Garden": a realistic, deterministic data set to try OMS Desktop with.

``seed_demo(backend, seed=1)`` fills a *fresh* database (it refuses one that already has users or data) with:

- company settings (EUR, Berlin address, VAT id, phone as the default channel);
- one user per role, the user name equal to the role name, **every demo password is ``demo``**:
  ``admin``, ``manager``, ``agent``, ``counter``, ``warehouse``, ``accountant``;
- about 300 products in 11 categories with SKUs (``LGT-0001``), valid EAN-13 barcodes (ISBN-13 for books),
  19 % or 7 % VAT (books, food), bin locations in walking order (``A-01-01`` .. ``F-12-04``), reorder points and
  opening stock (a few products at or below their reorder point, a few sold out), imported through the catalog
  service so every opening balance is a stock move;
- about 3,000 customers (German-style addresses, phones in the formats people type, a few non-Latin names);
- two years of history (``HISTORY_DAYS``): about 12,000 delivered (a few cancelled) orders over the last 730 days,
  with what the dashboard and the forecasts look for:
  - a weekly pattern (Saturdays busy, Sundays only web orders) and the seasons of the year, per category (garden
    and paint in spring, lighting and textiles in winter, toys, books and pantry gifts in December);
  - growth of about 20 % a year (``GROWTH_PER_YEAR``): the last twelve months sell more than the twelve before;
  - promotions (``PAST_PROMOTIONS``: garden days in April, a kitchen sale in July, black week in November, every
    year the history covers): their days sell more, their category's products much more, at the promotion's price
    (a line discount), and each is a promotions row with its dates (ended long since);
  - slow movers: a tenth of the catalog sells now and then, in lots, on a few days a year (intermittent demand),
    beside products that sell on most days;
  - every channel (``domain.orders.Channel``: phone, counter, catalog, online), each with its own taste (the web
    shop sells more books and toys, the counter tools and paint, the catalog textiles and kitchenware) and a mix
    that drifts (the web shop grows from 15 % to 30 %, the catalog fades);
  - their accounts (``demo_accounts``): a shipment, an invoice (numbered from INV-000001 in the order of the issue
    times) and the payments of every delivered order as its channel takes them (cash or card at the counter, card
    online, bank transfers after the invoice: most in time, some late, a few in part or never), all posted to the
    journal; about 1 % of the parcels come back a few weeks after delivery, credited in full (CRN-000001 on, in
    date order) and refunded; so the cash flow covers two years, the receivables aging has every bucket (the
    transfers not due yet are current, the late and unpaid ones overdue), the sales report has a returns rate,
    and the sales facts, rebuilt after the bulk load, show the same period a year before;
- a unit cost for every product (45-65 % of the net price) and five suppliers, the preferred supplier of every
  product but the pantry goods;
- the live part, through the services so reservations, stock moves, events, audit rows, invoice numbers and journal
  postings are real:
  - 48 recent orders taken through the whole cycle: on four pick lists (one short pick: a backorder; the last list
    still being picked), packed and shipped with DHL, UPS or DPD and their tracking references, most delivered;
    invoiced and paid in cash, by card (last four digits and terminal reference) or by bank transfer, a few partly
    or not yet, one twice (customer credit), two paid at the counter and not invoiced yet; one returned, credited
    and refunded;
  - "suggest purchase" from the reorder points: one draft per supplier, most of them sent, one received in full
    and one partly;
  - about 25 confirmed orders waiting for the warehouse and about 5 open carts.
  The live orders are then back-dated (``orders.created_at``/``confirmed_at`` only) over the last days, so the
  warehouse queue shows real waiting times; invoices, payments and journal entries are immutable and keep today's
  date (after the history's, so invoice numbers and dates keep their order), so no live invoice is overdue.

Everything comes from ``random.Random(seed)``: the same seed gives the same names, SKUs, prices, customers and
orders, suppliers, parcels, invoices and payments. Only the time line is anchored on *today* so that the history
always covers the last two years (so order dates, and with them weekday/season-dependent choices and the
promotions' dates, move with the calendar), and the live orders get their tracking numbers from the service
(cryptographically random, as in production).

Speed: the history and its accounts are written with bulk inserts (``bulk.py``: one ``executemany`` on SQLite, COPY
on PostgreSQL); only what must follow the business rules goes through the services. Measured on the 2-core machine
shared with other work (fast test hasher): the whole seed takes 8-10 s on SQLite when it is quiet (the one-year demo
without accounts for its history took 5.4-6 s then; the history's orders about 2.5 s, their accounts about 2 s, the
live part about 2.5 s), about twice that under a load of 6, when the one-year demo took 11 s; PostgreSQL 19-20 s
(31 s under that load, the one-year demo 25 s). Argon2id with production parameters adds ~1 s. ``oms check`` finds
nothing afterwards, on either database (1-2 s).
"""
from __future__ import annotations

import csv
import io
import random
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from itertools import accumulate
from types import SimpleNamespace
from typing import Callable

from sqlalchemy import bindparam, func, insert, select, update

from ..adapters.db import models as m
from ..domain.errors import BusinessRuleViolation
from ..domain.money import from_minor, to_minor
from ..domain.orders import Channel, Status
from ..domain.phone import digits_of, phone_key
from ..domain.pricing import PricingPolicy, TaxRounding, price, stored_line
from ..domain.tracking import new_tracking_number
from ..services.invoice_doc import customer_parties
from .bulk import insert_ids, insert_rows, rebuild_sales_facts
from .demo_accounts import insert_accounts_history

DEMO_PASSWORD = "demo"
"""Password of every demo user (user names are the role names). Demo databases are for trying things out only."""

COMPANY = dict(company_name="Northwind Home & Garden", currency="EUR",
               company_address="Lindenallee 42\n10115 Berlin\nGermany", vat_id="DE812345673",
               default_channel="phone", company_phone="+49 30 555 0142", company_email="orders@northwind.example",
               payment_note="Pay by bank transfer within 14 days of the invoice, or by card on the phone.",
               return_note="Return unused items within 30 days for a full refund; we pay the return postage.")

USERS = (  # (user name = role, display name); the admin comes first: the first user must be an administrator
    ("admin", "Andrea Adler"), ("manager", "Monika Berger"), ("agent", "Jonas Keller"),
    ("counter", "Lena Vogel"), ("warehouse", "Mehmet Aydın"), ("accountant", "Ulrike Brandt"))

N_PRODUCTS = 300
N_CUSTOMERS = 3000
N_HISTORY_ORDERS = 12000
N_LIVE_ORDERS = 25
N_DRAFTS = 5
HISTORY_DAYS = 730
GROWTH_PER_YEAR = 0.2
"""The business grows: a day's expected orders rise by this share a year (with the seasons on top)."""

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSummary:
    products: int
    customers: int
    orders: int
    users: int


def ean13(n12: str) -> str:
    """The 13-digit EAN (GTIN-13) for 12 digits: weights 1,3,1,3,... from the left, check = (10 - sum mod 10) mod 10."""
    if len(n12) != 12 or not n12.isascii() or not n12.isdigit():
        raise ValueError(f"an EAN-13 needs 12 digits before its check digit, not '{n12}'")
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(n12))
    return n12 + str((10 - total % 10) % 10)


# ---- word lists ----------------------------------------------------------------------------------------------------
# (category, SKU prefix, tax rate, price range in whole euros, first words, second words)
CATEGORIES = (
    ("Lighting", "LGT", "0.19", (9, 189),
     ("Brass", "Oak", "Matte black", "Opal glass", "Rattan", "Ceramic", "Chrome", "Walnut", "Concrete", "Linen"),
     ("desk lamp", "floor lamp", "pendant light", "wall sconce", "table lamp", "reading lamp", "ceiling spotlight",
      "lantern", "night light", "clip-on lamp")),
    ("Garden", "GRD", "0.19", (4, 129),
     ("Stainless", "Galvanised", "Ash-handled", "Ergonomic", "Heavy-duty", "Folding", "Telescopic", "Carbon steel",
      "Bamboo", "Compact"),
     ("garden trowel", "hand fork", "pruning shears", "hedge trimmer", "watering can 10 l", "leaf rake", "spade",
      "hose reel", "bulb planter", "kneeling pad", "seed tray set", "lopper")),
    ("Kitchen", "KIT", "0.19", (5, 149),
     ("Stainless", "Cast iron", "Enamel", "Beechwood", "Porcelain", "Copper", "Borosilicate", "Silicone",
      "Carbon steel", "Stoneware"),
     ("frying pan 28 cm", "saucepan 2 l", "chef's knife", "cutting board", "mixing bowl set", "colander", "teapot",
      "casserole dish", "measuring jug", "salad spinner", "pepper mill", "baking tray")),
    ("Tools", "TLS", "0.19", (4, 199),
     ("Cordless", "Professional", "Compact", "Magnetic", "Insulated", "Heavy-duty", "Precision", "Folding",
      "Ratcheting", "Adjustable"),
     ("screwdriver set", "claw hammer", "spirit level 60 cm", "tape measure 5 m", "hacksaw", "socket wrench set",
      "utility knife", "drill bit set", "combination pliers", "bench clamp", "stud finder", "hex key set")),
    ("Books", "BOK", "0.07", (8, 49),
     ("{} for Beginners", "The Complete Guide to {}", "{}: A Practical Handbook", "Weekend {} Projects",
      "A Year of {}", "{} Made Simple", "The Little Book of {}"),
     ("Composting", "Beekeeping", "Woodworking", "Bread Baking", "Houseplants", "Pruning", "Tiling", "Home Electrics",
      "Fermentation", "Balcony Gardening", "Rose Growing", "Upcycling", "Knitting", "Herb Gardens")),
    ("Toys", "TOY", "0.19", (3, 89),
     ("Wooden", "Plush", "Magnetic", "Rainbow", "Classic", "Musical", "Stacking", "Pull-along", "Giant", "Mini"),
     ("building blocks", "puzzle 100 pieces", "teddy bear", "train set", "marble run", "xylophone", "kite",
      "skipping rope", "memory game", "dinosaur figure", "doll's house", "spinning top")),
    ("Bathroom", "BTH", "0.19", (4, 159),
     ("Bamboo", "Chrome", "Frosted glass", "Teak", "Ceramic", "Matte white", "Anti-slip", "Stainless",
      "Organic cotton", "Slate"),
     ("soap dispenser", "toothbrush holder", "shower caddy", "towel rail", "bath mat", "mirror cabinet",
      "toilet brush set", "laundry basket", "shower curtain", "waste bin 5 l")),
    ("Textiles", "TXT", "0.19", (6, 179),
     ("Linen", "Organic cotton", "Wool", "Velvet", "Waffle-knit", "Jacquard", "Chambray", "Flannel", "Merino",
      "Recycled"),
     ("cushion cover 50x50", "throw blanket", "tablecloth", "tea towel set", "duvet cover 135x200", "curtain pair",
      "bath towel", "placemat set", "pillowcase pair", "rug 120x170")),
    ("Electrical", "ELC", "0.19", (2, 89),
     ("White", "Black", "Outdoor", "Smart", "USB-C", "Surge-protected", "Heavy-duty", "Compact", "Weatherproof",
      "Slimline"),
     ("extension lead 3 m", "power strip 6-way", "LED bulb E27", "LED bulb GU10", "cable reel 25 m", "timer socket",
      "doorbell kit", "motion sensor", "fuse set", "cable ties 100", "charger 65 W", "junction box")),
    ("Paint", "PNT", "0.19", (5, 79),
     ("Chalk white", "Sage green", "Ocean blue", "Terracotta", "Charcoal", "Ochre", "Dove grey", "Forest green",
      "Blush pink", "Midnight navy"),
     ("wall paint 2.5 l", "wall paint 5 l", "gloss paint 750 ml", "wood stain 750 ml", "tester pot 60 ml",
      "masonry paint 5 l", "chalk paint 1 l", "floor paint 2.5 l")),
    ("Pantry", "FOD", "0.07", (2, 29),
     ("Organic", "Wildflower", "Smoked", "Alpine", "Fairtrade", "Spiced", "Black Forest", "Homestyle"),
     ("honey 500 g", "strawberry jam 340 g", "herbal tea 100 g", "coffee beans 1 kg", "olive oil 500 ml",
      "mustard 200 ml", "apple chutney 250 g", "sea salt 250 g", "muesli 750 g", "pasta sauce 400 g")),
)
BLURBS = ("Customer favourite.", "Made in Germany.", "Two-year warranty.", "Sustainably sourced.", "Gift-boxed.",
          "New this season.", "Trade quality.", "Easy to clean.", "")
CENTS = (99, 99, 99, 95, 49, 90, 50, 0, 29)

# Seasonality: weekday (Mon..Sun; the shop is closed on Sundays, web orders still come in) and month.
WEEKDAY_FACTOR = (1.0, 1.05, 1.0, 1.1, 1.25, 1.4, 0.3)
MONTH_FACTOR = (0.8, 0.85, 1.1, 1.3, 1.3, 1.1, 0.95, 0.9, 1.0, 1.0, 1.15, 1.45)
CATEGORY_SEASON = {
    "Garden": (0.4, 0.5, 1.3, 1.9, 1.9, 1.5, 1.2, 1.0, 0.8, 0.6, 0.4, 0.4),
    "Paint": (0.7, 0.8, 1.2, 1.5, 1.5, 1.3, 1.1, 1.0, 1.0, 0.9, 0.7, 0.6),
    "Toys": (0.7, 0.7, 0.8, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.6, 2.6),
    "Lighting": (1.2, 1.1, 0.9, 0.8, 0.7, 0.7, 0.7, 0.8, 1.0, 1.2, 1.4, 1.6),
    "Books": (0.9, 0.9, 0.9, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.3, 2.0),     # gifts
    "Pantry": (0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 1.3, 1.9),    # gift baskets
    "Textiles": (1.3, 1.1, 0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 1.0, 1.1, 1.3, 1.5),
}
CHANNELS = tuple(c.value for c in Channel)
# Each channel's share of the orders two years ago and yesterday (the web shop grows, the printed catalog fades),
# and what it sells more of than the others.
CHANNEL_WEIGHTS_THEN = {"phone": 42, "counter": 25, "catalog": 18, "online": 15}
CHANNEL_WEIGHTS_NOW = {"phone": 36, "counter": 24, "catalog": 10, "online": 30}
CHANNEL_TASTE = {"online": {"Books": 1.8, "Toys": 1.6, "Electrical": 1.4, "Paint": 0.5},
                 "counter": {"Tools": 1.8, "Paint": 1.8, "Electrical": 1.5, "Garden": 1.3, "Books": 0.5},
                 "catalog": {"Textiles": 1.8, "Kitchen": 1.6, "Pantry": 1.5, "Tools": 0.6},
                 "phone": {"Lighting": 1.3, "Bathroom": 1.3}}
# Promotions of the past, every year the history covers: (name, category or None for all, percent off, month,
# first day, days, lift). Their days sell more (``lift`` times the orders; the category's products PROMOTED_BOOST
# times as often), the promoted lines at the promotion's price; each is a promotions row with its dates.
PAST_PROMOTIONS = (
    ("Spring garden days: 15 % off", "Garden", 15, 4, 3, 14, 1.3),
    ("Summer kitchen sale: 20 % off", "Kitchen", 20, 7, 10, 10, 1.2),
    ("Black week: 10 % off everything", None, 10, 11, 23, 7, 2.2),
)
PROMOTED_BOOST = 4.0
SLOW_MOVER_SHARE = 0.1
"""This share of the catalog sells on few days (intermittent demand): a steady trickle, no seasons, lumpy amounts."""
SLOW_MOVER_WEIGHT = 0.5
RETURN_SHARE = 0.015
"""Of the history's delivered parcels: sent back, credited and refunded (see ``demo_accounts``)."""
HISTORY_RETURN_REASONS = ("not as described", "arrived damaged", "wrong size", "changed their mind",
                          "colour does not match the sample")

GERMAN_FIRST = (
    "Anna", "Lukas", "Sophie", "Leon", "Marie", "Paul", "Emma", "Jonas", "Mia", "Felix", "Hannah", "Maximilian",
    "Lena", "Ben", "Laura", "Elias", "Julia", "Noah", "Sarah", "Tim", "Katharina", "Jan", "Lisa", "Tobias", "Sabine",
    "Thomas", "Petra", "Michael", "Ursula", "Stefan", "Monika", "Andreas", "Claudia", "Jürgen", "Brigitte", "Klaus",
    "Renate", "Wolfgang", "Heike", "Uwe", "Jörg", "Björn", "Käthe", "Günther", "Doris", "Frieda", "Matthias",
    "Susanne", "Dieter", "Gisela")
GERMAN_LAST = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
    "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun",
    "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann",
    "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs",
    "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Vogel", "Friedrich", "Keller", "Günther",
    "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon",
    "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto",
    "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas")
# Names from elsewhere, as first names x last names of one language (surnames that do not change with gender).
OTHER_NAMES = (
    (("Łukasz", "Agnieszka", "Paweł", "Zofia", "Krzysztof", "Małgorzata", "Wojciech", "Katarzyna"),
     ("Wróbel", "Nowak", "Wójcik", "Mazur", "Krawczyk", "Zając", "Król", "Pawlak")),
    (("Mehmet", "Ayşe", "Emre", "Elif", "Murat", "Zeynep", "Hüseyin", "Fatma"),
     ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın")),
    (("Giulia", "Marco", "Sofia", "Luca", "Francesca", "Giuseppe"),
     ("Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo")),
    (("Lucía", "José", "Carmen", "Álvaro", "Camille", "François", "Amélie", "Søren", "Ingrid", "Tomáš", "Ana",
      "Dragan", "Niamh", "Seán"),
     ("García", "Martínez", "Dubois", "Lefèvre", "Nielsen", "Johansson", "Novák", "Horvat", "Petrović", "O'Brien",
      "Murphy", "de Vries")),
)
# Non-Latin names with the romanized form their e-mail addresses use.
NON_LATIN_NAMES = (
    ("Пётр Иванов", "petr.ivanov"), ("Наталья Смирнова", "natalya.smirnova"), ("Олена Коваленко", "olena.kovalenko"),
    ("Дмитрий Соколов", "dmitry.sokolov"), ("Анна Шевченко", "anna.shevchenko"), ("田中 花子", "hanako.tanaka"),
    ("佐藤 健", "ken.sato"), ("鈴木 一郎", "ichiro.suzuki"), ("王 伟", "wei.wang"), ("李 娜", "na.li"),
    ("김민준", "minjun.kim"), ("이서연", "seoyeon.lee"), ("Γιώργος Παπαδόπουλος", "giorgos.papadopoulos"),
    ("Ελένη Νικολάου", "eleni.nikolaou"), ("محمد العلي", "mohammed.alali"), ("فاطمة حسن", "fatima.hassan"),
    ("יעל כהן", "yael.cohen"), ("Արամ Պետրոսյան", "aram.petrosyan"), ("ნინო ბერიძე", "nino.beridze"),
)
BUSINESS_PATTERNS = ("Gärtnerei {last}", "Malerbetrieb {last}", "{last} Bau GmbH", "Hausverwaltung {last} & {last2}",
                     "{last} Immobilien KG", "Café {word}", "Hotel {word}", "Kita {word}", "Landhaus {word}",
                     "Tischlerei {last}")
BUSINESS_WORDS = ("Sonnenschein", "Lindenhof", "Regenbogen", "Alpenblick", "Seeblick", "Am Park", "Kleeblatt",
                  "Rosengarten", "Zur Mühle", "Am Markt")
STREETS = ("Hauptstraße", "Bahnhofstraße", "Gartenweg", "Lindenallee", "Schillerstraße", "Goethestraße", "Am Markt",
           "Birkenweg", "Kirchgasse", "Mühlenweg", "Rosenstraße", "Bergstraße", "Waldstraße", "Dorfstraße",
           "Ringstraße", "Schulstraße", "Am Sonnenhang", "Friedrichstraße", "Kastanienallee", "Uferweg",
           "Eichendorffstraße", "Blumenstraße", "Weinbergweg", "Lessingstraße")
# (city, first postcode, last postcode, area code)
CITIES = (
    ("Berlin", 10115, 14199, "030"), ("Hamburg", 20095, 22769, "040"), ("München", 80331, 81929, "089"),
    ("Köln", 50667, 51149, "0221"), ("Frankfurt am Main", 60306, 60599, "069"), ("Stuttgart", 70173, 70629, "0711"),
    ("Düsseldorf", 40210, 40629, "0211"), ("Leipzig", 4103, 4357, "0341"), ("Dresden", 1067, 1328, "0351"),
    ("Hannover", 30159, 30669, "0511"), ("Nürnberg", 90402, 90491, "0911"), ("Bremen", 28195, 28779, "0421"),
    ("Bonn", 53111, 53229, "0228"), ("Freiburg im Breisgau", 79098, 79117, "0761"),
    ("Heidelberg", 69115, 69126, "06221"), ("Münster", 48143, 48167, "0251"), ("Potsdam", 14467, 14482, "0331"),
    ("Regensburg", 93047, 93059, "0941"))
CITY_WEIGHTS = (30, 14, 12, 9, 7, 6, 6, 5, 5, 5, 4, 4, 3, 3, 2, 3, 3, 2)
MOBILE_PREFIXES = ("0151", "0152", "0157", "0160", "0162", "0170", "0171", "0172", "0173", "0175", "0176", "0177",
                   "0178", "0179")
FOREIGN_PHONES = (("+43", "1", 7), ("+41", "44", 7), ("+48", "601", 6), ("+31", "20", 7), ("+33", "1", 8),
                  ("+90", "532", 7), ("+39", "06", 8))
CUSTOMER_NOTES = ("Prefers delivery after 4 pm.", "Please call before delivery.", "Ring twice.",
                  "Leave parcels with the neighbour (no. 14).", "Trade customer: monthly invoice.",
                  "Pays cash at the counter.", "Regular customer since 2015.")
CANCEL_REASONS = ("customer changed their mind", "duplicate order", "found it cheaper elsewhere",
                  "delivery date too late", "payment not received")
CARRIERS = ("DHL", "DHL", "Hermes", "DPD", "GLS")

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ł": "l",
                           "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "'": "", " ": "", "&": ""})


def _ascii(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    return "".join(ch for ch in text if ch.isascii() and (ch.isalnum() or ch in "-.")).lower()


class _Reporter:
    """Maps the phases onto 0..100 and calls ``progress(done, 100)`` when the figure changes."""
    TOTAL = 100

    def __init__(self, callback: Progress | None):
        self._cb = callback
        self._last = -1

    def __call__(self, done: float) -> None:
        done = max(0, min(self.TOTAL, int(done)))
        if self._cb is not None and done > self._last:
            self._last = done
            self._cb(done, self.TOTAL)

    def span(self, start: float, end: float) -> Callable[[int, int], None]:
        return lambda d, t: self(start + (end - start) * d / max(t, 1))


# ---- entry point ---------------------------------------------------------------------------------------------------
def seed_demo(backend, *, seed: int = 1, progress: Progress | None = None, now: datetime | None = None) -> DemoSummary:
    """Fill a fresh database with the demo company; see the module docstring. Refuses a database with data.

    ``now``: the moment the history is anchored on (default: the clock's now). The history's last events lie
    within minutes of it, so two seedings a few minutes apart differ there; the same ``seed`` and ``now`` give the
    same history (the tests' determinism check passes one ``now`` to both)."""
    services, engine = backend.services, backend.engine
    report = _Reporter(progress)
    report(0)
    _refuse_non_empty(services, engine)
    rng = random.Random(seed)
    now = now or datetime.now(timezone.utc)

    services.company.update(None, **COMPANY)
    services.auth.add_user(None, USERS[0][0], USERS[0][0], DEMO_PASSWORD, USERS[0][1], password_policy=False)
    admin = services.auth.actor_for(USERS[0][0])
    for i, (role, display) in enumerate(USERS[1:], start=1):
        services.auth.add_user(admin, role, role, DEMO_PASSWORD, display, password_policy=False)
        report(5 * i / (len(USERS) - 1))
    actors = {role: services.auth.actor_for(role) for role, _ in USERS}
    company = services.company.get()

    products = _make_products(rng)
    _unit_costs(rng, products)
    csv_bytes = _catalog_csv(products, company.currency)
    services.catalog.import_catalog(actors["manager"], csv_bytes, progress=report.span(5, 12))
    with engine.connect() as conn:
        ids = dict(conn.execute(select(m.Product.id, m.Product.sku)).all())
    by_sku = {v: k for k, v in ids.items()}
    for p in products:
        p["id"] = by_sku[p["sku"]]
    _suppliers(services, actors["manager"], rng, products, report.span(20, 27))

    customers = _make_customers(rng, now)
    customer_ids = _insert_customers(engine, customers, admin, report.span(27, 35))
    customer_weights = [c["weight"] for c in customers]  # regulars come back often, most buy once or twice

    delivered = _insert_history(engine, rng, now, company, products, customer_ids, customer_weights, actors,
                                report.span(35, 58))
    # the invoices' columns of each buyer: seller, bill-to, ship-to and the language they are issued in
    parties = {cid: dict(customer_parties(SimpleNamespace(**c), company), language=c.get("language"))
               for cid, c in zip(customer_ids, customers)}
    parties[None] = dict(customer_parties(None, company), language=None)
    with engine.begin() as conn:
        insert_accounts_history(conn, rng, delivered, limit=now - timedelta(minutes=1), parties=parties,
                                users={role: actor.user_id for role, actor in actors.items()})
    report(65)
    cycle_ids = _order_cycle(services, engine, rng, products, customer_ids, actors, company.currency,
                             report.span(65, 92))
    _purchasing(services, actors["manager"], actors["accountant"])
    report(93)
    waiting_ids = _waiting_orders(services, engine, rng, products, customer_ids, actors, report.span(93, 99))
    _backdate(engine, rng, datetime.now(timezone.utc), cycle_ids, waiting_ids, admin)
    _carts_and_promotions(services, engine, rng, products, customer_ids, actors)
    rebuild_sales_facts(engine)  # the bulk-loaded history and the backdated orders: their sales facts again

    problems = services.inventory.invariant_violations()
    if problems:  # cannot happen unless a service is broken; say so loudly rather than leave a subtly wrong demo
        raise RuntimeError(f"the demo data broke the stock invariant (stock row != sum of moves): {problems[:5]}")
    with engine.connect() as conn:
        count = lambda t: conn.execute(select(func.count()).select_from(t)).scalar_one()  # noqa: E731
        summary = DemoSummary(products=count(m.Product.__table__), customers=count(m.Customer.__table__),
                              orders=count(m.Order.__table__), users=count(m.User.__table__))
    report(100)
    return summary


def _refuse_non_empty(services, engine) -> None:
    refused = BusinessRuleViolation("the database is not empty; demo data goes into a fresh database")
    if not services.auth.needs_first_user():
        raise refused
    with engine.connect() as conn:
        for table in (m.Product.__table__, m.Customer.__table__, m.Order.__table__):
            if conn.execute(select(func.count()).select_from(table)).scalar_one():
                raise refused


# ---- products ------------------------------------------------------------------------------------------------------
def _make_products(rng: random.Random) -> list[dict]:
    weights = [rng.uniform(0.75, 1.25) for _ in CATEGORIES]
    counts = [round(N_PRODUCTS * w / sum(weights)) for w in weights]
    counts[0] += N_PRODUCTS - sum(counts)
    company_prefix = f"40{rng.randint(10000, 99999)}"  # "40".."44": the GS1 Germany range; 7-digit company prefix
    item_base = rng.randint(0, 40000)
    used_barcodes: set[str] = set()
    products: list[dict] = []
    for (category, prefix, rate, (lo, hi), first, second), n in zip(CATEGORIES, counts):
        if category == "Books":
            combos = [pattern.format(topic) for pattern in first for topic in second]
        else:
            combos = [f"{a} {b}" for a in first for b in second]
        names = rng.sample(combos, min(n, len(combos)))
        for k, name in enumerate(names, start=1):
            price_eur = int(lo * (hi / lo) ** rng.random())
            price_minor = max(price_eur * 100 + rng.choice(CENTS), 99)
            if category == "Books":
                while True:  # ISBN-13 (978-3: German-language group) is an EAN-13
                    barcode = ean13(f"9783{rng.randint(0, 99_999_999):08d}")
                    if barcode not in used_barcodes:
                        break
            else:
                barcode = ean13(f"{company_prefix}{(item_base + len(products)) % 100000:05d}")
            used_barcodes.add(barcode)
            cheap = price_minor < 1500
            reorder_point = rng.choice((5, 8, 10, 12, 15, 20, 25) if cheap else (2, 3, 4, 5, 6, 8, 10))
            reorder_qty = max(6, reorder_point * rng.choice((2, 3, 4)) // 5 * 5)
            r = rng.random()
            if r < 0.04:
                on_hand = 0                                        # sold out
            elif r < 0.10:
                on_hand = rng.randint(1, reorder_point)            # at or below the reorder point
            else:
                on_hand = rng.randint(reorder_point + 3, reorder_point + 3 * reorder_qty)
            products.append(dict(
                sku=f"{prefix}-{k:04d}", name=name, category=category, tax_rate=rate,
                tax_rate_bp=int(rate[2:]) * 100, unit_price_minor=price_minor, barcode=barcode, on_hand=on_hand,
                reorder_point=reorder_point, reorder_qty=reorder_qty,
                description=f"{name}. {rng.choice(BLURBS)}".strip(),
                popularity=min(rng.paretovariate(1.3), 25.0) * (1.6 if cheap else 1.0)))
    # Bin locations in walking order (aisle A-F, shelf 01-12, bin 01-04), a category's products side by side;
    # with more products than the 288 bins a few bins hold two products.
    slots = [f"{aisle}-{shelf:02d}-{b:02d}" for aisle in "ABCDEF" for shelf in range(1, 13) for b in range(1, 5)]
    for i, p in enumerate(products):
        p["location"] = slots[i * len(slots) // len(products)]
    return products


def _catalog_csv(products: list[dict], currency: str) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(("sku", "name", "unit_price", "tax_rate", "barcode", "category", "location", "on_hand",
                "reorder_point", "reorder_qty", "description", "unit_cost"))
    for p in products:
        w.writerow((p["sku"], p["name"], str(from_minor(p["unit_price_minor"], currency)), p["tax_rate"],
                    p["barcode"], p["category"], p["location"], p["on_hand"], p["reorder_point"], p["reorder_qty"],
                    p["description"], str(from_minor(p["cost_minor"], currency))))
    return buf.getvalue().encode("utf-8")


# ---- customers -----------------------------------------------------------------------------------------------------
def _mobile(rng: random.Random) -> str:
    prefix, sub = rng.choice(MOBILE_PREFIXES), f"{rng.randint(1_000_000, 9_999_999)}"
    style = rng.randrange(6)
    if style == 0:
        return f"{prefix} {sub}"
    if style == 1:
        return f"{prefix} {sub[:3]}-{sub[3:]}"          # 0171 555-0100
    if style == 2:
        return f"+49 {prefix[1:]} {sub}"
    if style == 3:
        return f"+49 (0){prefix[1:]} {sub}"
    if style == 4:
        return f"{prefix}{sub}"
    return f"0049 {prefix[1:]} {sub[:3]} {sub[3:]}"


def _landline(rng: random.Random, area: str) -> str:
    length = 7 if len(area) == 4 else (6 if len(area) == 5 else rng.choice((7, 8)))
    sub = f"{rng.randint(2 * 10 ** (length - 1), 10 ** length - 1)}"
    style = rng.randrange(5)
    if style == 0:
        return f"{area} {sub}"
    if style == 1:
        return f"({area}) {sub[:3]} {sub[3:]}"           # (030) 123 4567
    if style == 2:
        return f"{area}/{sub}"
    if style == 3:
        return f"+49 {area[1:]} {sub}"                   # +49 30 1234567
    return f"{area}-{sub[:3]} {sub[3:5]} {sub[5:]}"


def _foreign(rng: random.Random) -> str:
    cc, area, length = rng.choice(FOREIGN_PHONES)
    sub = f"{rng.randint(2 * 10 ** (length - 1), 10 ** length - 1)}"
    return f"{cc} {area} {sub[:3]} {sub[3:]}"


def _address(rng: random.Random, city: tuple) -> str:
    name, lo, hi, _ = city
    number = f"{rng.randint(1, 180)}{rng.choice('abc') if rng.random() < 0.08 else ''}"
    return f"{rng.choice(STREETS)} {number}\n{rng.randint(lo, hi):05d} {name}"


def _make_customers(rng: random.Random, now: datetime) -> list[dict]:
    used_keys: set[str] = set()
    used_emails: set[str] = set()
    out: list[dict] = []
    for _ in range(N_CUSTOMERS):
        r = rng.random()
        business = foreign = False
        domain = rng.choice(("example.com", "example.net", "example.org"))
        if r < 0.05:
            business = True
            last, last2 = rng.sample(GERMAN_LAST, 2)
            name = rng.choice(BUSINESS_PATTERNS).format(last=last, last2=last2, word=rng.choice(BUSINESS_WORDS))
            local, domain = "info", "-".join(_ascii(w) for w in name.split() if _ascii(w)) + ".example"
        elif r < 0.07:
            foreign = True
            name, local = rng.choice(NON_LATIN_NAMES)
        elif r < 0.17:
            foreign = True
            firsts, lasts = rng.choice(OTHER_NAMES)
            first, last = rng.choice(firsts), rng.choice(lasts)
            name, local = f"{first} {last}", f"{_ascii(first)}.{_ascii(last)}"
        else:
            first, last = rng.choice(GERMAN_FIRST), rng.choice(GERMAN_LAST)
            name = f"{first} {last}"
            f_, l_ = _ascii(first), _ascii(last)
            local = (f"{f_}.{l_}", f"{f_[0]}.{l_}", f"{f_}{l_}{rng.randint(1, 99)}", f"{l_}.{f_}",
                     f"{f_}_{l_}")[rng.randrange(5)]
        email = ""
        if business or rng.random() < 0.85:
            email, n = f"{local}@{domain}", 2
            while email in used_emails:
                email, n = f"{local}{n}@{domain}", n + 1
            used_emails.add(email)
        city = rng.choices(CITIES, weights=CITY_WEIGHTS)[0]
        billing = _address(rng, city)
        s = rng.random()
        if s < 0.86:
            shipping = billing
        elif s < 0.93:
            shipping = _address(rng, rng.choices(CITIES, weights=CITY_WEIGHTS)[0])
        elif s < 0.97:
            shipping = f"c/o {rng.choice(GERMAN_FIRST)} {rng.choice(GERMAN_LAST)}\n{_address(rng, city)}"
        else:
            _, lo, hi, _ = city
            shipping = f"Packstation {rng.randint(100, 299)}\n{rng.randint(lo, hi):05d} {city[0]}"
        phones = []
        kinds = ["mobile", "landline"]
        rng.shuffle(kinds)
        n_phones = 2 if rng.random() < 0.3 else 1
        for kind in kinds[:n_phones]:
            while True:
                if foreign and rng.random() < 0.3:
                    phone = _foreign(rng)
                elif kind == "mobile" and not business:
                    phone = _mobile(rng)
                else:
                    phone = _landline(rng, city[3])
                if phone_key(phone) not in used_keys:
                    break
            used_keys.add(phone_key(phone))
            phones.append(phone)
        notes = rng.choice(CUSTOMER_NOTES) if rng.random() < 0.04 else ""
        created = now - timedelta(days=HISTORY_DAYS + 1, seconds=rng.randint(0, 3 * 365 * 86400))
        # Berlin's customers read German; the foreign ones among them get their papers in English (taken from
        # what was drawn, not drawn anew: the same seed gives the same data as before)
        out.append(dict(name=name, email=email, billing_address=billing, shipping_address=shipping, notes=notes,
                        phones=phones, created_at=created, language="en" if foreign else "de",
                        weight=min(rng.paretovariate(1.4), 40.0) * (3.0 if business else 1.0)))
    return out


def _insert_customers(engine, customers: list[dict], admin, progress) -> list[int]:
    """Bulk insert through Core, with name_lower/email_lower and phone digits/key exactly as the repository
    writes them."""
    ct, pt = m.Customer.__table__, m.CustomerPhone.__table__
    ids: list[int] = []
    chunk = 1000
    with engine.begin() as conn:
        for start in range(0, len(customers), chunk):
            part = customers[start:start + chunk]
            rows = [dict(name=c["name"], email=c["email"], billing_address=c["billing_address"],
                         shipping_address=c["shipping_address"], notes=c["notes"], name_lower=c["name"].lower(),
                         email_lower=c["email"].lower(), created_at=c["created_at"],
                         language=c.get("language")) for c in part]
            new_ids = insert_ids(conn, ct, rows)
            phone_rows = [dict(customer_id=cid, phone=p, digits=digits_of(p), key=phone_key(p))
                          for cid, c in zip(new_ids, part) for p in c["phones"]]
            insert_rows(conn, pt, phone_rows)
            ids.extend(new_ids)
            progress(start + len(part), len(customers))
        conn.execute(insert(m.AuditEntry.__table__).values(
            at=datetime.now(timezone.utc), user_id=admin.user_id, username=admin.username, action="demo.customers",
            entity="customer", entity_id="", old_values="", new_values=f'{{"created": {len(ids)}}}'))
    return ids


# ---- a year of order history ---------------------------------------------------------------------------------------
def _cum_weights(weights: list[float]) -> list[float]:
    return list(accumulate(weights))


def _pick(rng: random.Random, cum: list[float]) -> int:
    return bisect_right(cum, rng.random() * cum[-1])


def promotion_periods(today) -> list[tuple[str, str | None, int, object, object]]:
    """(name, category or None, percent, first day, last day) of the ``PAST_PROMOTIONS`` that ran within the
    history (before ``today``), oldest first."""
    first = today - timedelta(days=HISTORY_DAYS)
    out = []
    for year in range(first.year, today.year + 1):
        for name, category, percent, month, day, length, _lift in PAST_PROMOTIONS:
            start = datetime(year, month, day).date()
            end = start + timedelta(days=length - 1)
            if first <= start and end < today:
                out.append((name, category, percent, start, end))
    return sorted(out, key=lambda p: p[3])


def _channel_weights(t: float, weekday: int) -> list[float]:
    """Each channel's weight ``t`` of the way (0..1) through the history; Saturdays are the counter's day."""
    return [(CHANNEL_WEIGHTS_THEN[c] + (CHANNEL_WEIGHTS_NOW[c] - CHANNEL_WEIGHTS_THEN[c]) * t)
            * (1.6 if c == "counter" and weekday == 5 else 1.0) for c in CHANNELS]


def _insert_history(engine, rng: random.Random, now: datetime, company, products: list[dict],
                    customer_ids: list[int], customer_weights: list[float], actors: dict, progress) -> list[dict]:
    """Delivered (a few returned) and cancelled orders of the last ``HISTORY_DAYS`` days, bulk-inserted with their
    lines and status history; returns those that left (with their lines and times) for their accounts documents.

    Demand: a weekday pattern, the months' and the categories' seasons, growth of ``GROWTH_PER_YEAR``, lifts on
    the days of ``PAST_PROMOTIONS``, a set of slow movers, channel mixes that drift and differ in taste.
    These orders predate the stock ledger: they create NO stock moves and hold no reservations (they are delivered
    or cancelled); the opening balances of the catalog import are where the ledger starts. Totals are computed with
    domain.pricing.price exactly as the order service does (company rounding, per-line amounts).
    """
    currency = company.currency
    rounding = TaxRounding(company.tax_rounding)
    policy = PricingPolicy(currency, company.prices_include_tax, rounding)
    today = now.date()
    promos = promotion_periods(today)
    lift = {p[0]: p[6] for p in PAST_PROMOTIONS}
    promo_of = {start + timedelta(days=k): (category, percent, lift[name])
                for name, category, percent, start, end in promos
                for k in range((end - start).days + 1)}
    days = [today - timedelta(days=d) for d in range(1, HISTORY_DAYS + 1)]
    day_weights = [WEEKDAY_FACTOR[d.weekday()] * MONTH_FACTOR[d.month - 1] * (1 + GROWTH_PER_YEAR) ** (-i / 365)
                   * (promo_of[d][2] if d in promo_of else 1.0) for i, d in enumerate(days)]
    order_days = rng.choices(days, weights=day_weights, k=N_HISTORY_ORDERS)
    slow = set(rng.sample(range(len(products)), round(SLOW_MOVER_SHARE * len(products))))
    for i, p in enumerate(products):
        p["slow_mover"] = i in slow
    cums: dict[tuple, list[float]] = {}

    def product_cum(channel: str, month: int, promoted: str | None) -> list[float]:
        key = (channel, month, promoted)
        if key not in cums:
            taste = CHANNEL_TASTE.get(channel, {})
            cums[key] = _cum_weights([
                SLOW_MOVER_WEIGHT if p["slow_mover"] else
                p["popularity"] * CATEGORY_SEASON.get(p["category"], (1.0,) * 12)[month]
                * taste.get(p["category"], 1.0) * (PROMOTED_BOOST if p["category"] == promoted else 1.0)
                for p in products])
        return cums[key]

    customer_cum = _cum_weights(customer_weights)
    sales = {"agent": actors["agent"].user_id, "counter": actors["counter"].user_id,
             "manager": actors["manager"].user_id}
    warehouse_id = actors["warehouse"].user_id
    limit = now - timedelta(minutes=1)
    return_before = now - timedelta(days=45)  # a return comes a month after delivery at the latest

    drafts = []
    for day in order_days:
        t = 1 - (today - day).days / HISTORY_DAYS
        channel = rng.choices(CHANNELS, weights=_channel_weights(t, day.weekday()))[0]
        if day.weekday() == 6:
            channel = "online"  # closed on Sundays
        if channel == "online":
            seconds = rng.randint(6 * 3600, 21 * 3600 + 3599) if rng.random() < 0.85 else rng.randint(0, 6 * 3600)
        elif channel == "catalog":
            seconds = rng.randint(8 * 3600, 15 * 3600)
        else:
            seconds = rng.randint(7 * 3600, 17 * 3600 + 1800)
        created = datetime(day.year, day.month, day.day, tzinfo=timezone.utc) + timedelta(seconds=seconds)
        drafts.append((created, channel, day.month - 1, promo_of.get(day)))
    drafts.sort(key=lambda d: d[0])
    ot, lt, ht = m.Order.__table__, m.OrderLine.__table__, m.OrderStatusChange.__table__
    used_tracking: set[str] = set()
    delivered: list[dict] = []
    chunk = 1000
    with engine.begin() as conn:
        for start in range(0, len(drafts), chunk):
            order_rows, line_sets, history_sets = [], [], []
            for created, channel, month, promo in drafts[start:start + chunk]:
                if channel == "counter":
                    customer_id = None if rng.random() < 0.55 else customer_ids[_pick(rng, customer_cum)]
                    creator = sales["counter"] if rng.random() < 0.9 else sales["manager"]
                else:
                    customer_id = customer_ids[_pick(rng, customer_cum)]
                    r = rng.random()
                    creator = sales["agent"] if r < 0.75 else (sales["manager"] if r < 0.85 else sales["counter"])
                n_lines = rng.choices((1, 2, 3, 4, 5), weights=(40, 28, 17, 10, 5))[0]
                promo_category, promo_bp = (promo[0], promo[1] * 100) if promo else (None, 0)
                cum = product_cum(channel, month, promo_category if promo else None)
                chosen: list[int] = []
                while len(chosen) < n_lines:
                    i = _pick(rng, cum)
                    if i not in chosen:
                        chosen.append(i)
                lines = []
                for i in chosen:
                    p = products[i]
                    if p["slow_mover"]:  # a trade customer's lot, now and then
                        qty = rng.choice((2, 3, 4, 5, 6, 8, 10, 12))
                    else:
                        qty = rng.choices((1, 2, 3, 4, 5, 6, 10, 12), weights=(60, 22, 9, 4, 2, 1.5, 1, 0.5))[0]
                    if p["unit_price_minor"] < 1000 and rng.random() < 0.3:
                        qty *= 2
                    discount_bp = rng.choice((500, 1000)) if rng.random() < 0.03 else 0
                    if promo and (promo_category is None or promo_category == p["category"]):
                        discount_bp = promo_bp  # the promotion's price
                    lines.append((p, qty, discount_bp))
                totals = price((stored_line(p["sku"], q, p["unit_price_minor"], p["tax_rate_bp"], d, currency)
                                for p, q, d in lines), policy)
                while True:
                    tn = new_tracking_number(randbits=rng.getrandbits)
                    if tn not in used_tracking:
                        break
                used_tracking.add(tn)
                express = rng.random() < (0.02 if channel == "counter" else 0.08)
                cancelled = rng.random() < 0.04
                returned = (not cancelled and channel != "counter" and created < return_before
                            and rng.random() < RETURN_SHARE)
                steps = _status_steps(rng, created, channel, express, cancelled, creator, warehouse_id, limit,
                                      sales["manager"], returned)
                order_rows.append(dict(
                    tracking_number=tn, customer_id=customer_id, channel=channel,
                    status=steps[-1][1], currency=currency, net_minor=to_minor(totals.net, currency),
                    tax_minor=to_minor(totals.tax, currency), total_minor=to_minor(totals.total, currency),
                    prices_include_tax=company.prices_include_tax, tax_rounding=rounding.value, express=express,
                    notes="", created_by=creator, created_at=created, confirmed_at=created,
                    updated_at=steps[-1][4]))
                line_sets.append([dict(line_no=n, product_id=p["id"], sku=p["sku"], name=p["name"], quantity=q,
                                       unit_price_minor=p["unit_price_minor"], tax_rate_bp=p["tax_rate_bp"],
                                       discount_bp=d, net_minor=to_minor(la.net, currency),
                                       tax_minor=to_minor(la.tax, currency))
                                  for n, ((p, q, d), la) in enumerate(zip(lines, totals.lines), start=1)])
                history_sets.append(steps)
            ids = insert_ids(conn, ot, order_rows)
            insert_rows(conn, lt, [{**ln, "order_id": oid} for oid, ls in zip(ids, line_sets) for ln in ls])
            insert_rows(conn, ht, [dict(order_id=oid, from_status=f, to_status=t, user_id=u, note=note, at=at)
                                   for oid, steps in zip(ids, history_sets) for f, t, u, note, at in steps])
            delivered.extend(dict(row, id=oid, lines=ls, steps=steps)
                             for oid, row, ls, steps in zip(ids, order_rows, line_sets, history_sets)
                             if row["status"] in (Status.DELIVERED.value, Status.RETURNED.value))
            progress(start + len(order_rows), len(drafts))
        conn.execute(insert(m.AuditEntry.__table__).values(
            at=datetime.now(timezone.utc), user_id=actors["admin"].user_id, username=actors["admin"].username,
            action="demo.history", entity="order", entity_id="", old_values="",
            new_values=f'{{"created": {len(drafts)}, "note": "historical orders, no stock moves"}}'))
    return delivered


def _status_steps(rng, created, channel, express, cancelled, creator, warehouse_id, limit, manager_id,
                  returned: bool = False):
    """(from, to, user, note, at) for each status change, all before ``limit``; ``returned``: the customer sends
    it back 16 to 30 days after delivery (after paying for it: see ``demo_accounts``)."""
    if cancelled:
        offsets = [0, rng.randint(600, 2 * 86400)]
        spec = [(None, Status.CONFIRMED, creator, "placed"),
                (Status.CONFIRMED, Status.CANCELLED, rng.choice((creator, manager_id)), rng.choice(CANCEL_REASONS))]
    else:
        if channel == "counter":  # taken and handed over at the counter
            gaps = [rng.randint(60, 180), rng.randint(120, 480), rng.randint(30, 180), rng.randint(0, 120)]
            carrier = "collected at the counter"
        else:
            gaps = [rng.randint(600, 5400) if express else rng.randint(1800, 20 * 3600), rng.randint(300, 2700),
                    rng.randint(3600, 6 * 3600),
                    rng.randint(16 * 3600, 30 * 3600) if express else rng.randint(20 * 3600, 72 * 3600)]
            carrier = rng.choice(CARRIERS)
        offsets = list(accumulate([0] + gaps))
        spec = [(None, Status.CONFIRMED, creator, "placed"),
                (Status.CONFIRMED, Status.PICKING, warehouse_id, ""),
                (Status.PICKING, Status.PACKED, warehouse_id, ""),
                (Status.PACKED, Status.SHIPPED, warehouse_id, carrier),
                (Status.SHIPPED, Status.DELIVERED, warehouse_id, "")]
        if returned:
            offsets.append(offsets[-1] + rng.randint(16 * 86400, 30 * 86400))
            spec.append((Status.DELIVERED, Status.RETURNED, warehouse_id, rng.choice(HISTORY_RETURN_REASONS)))
    room = (limit - created).total_seconds()
    if offsets[-1] > room:  # the most recent orders: squeeze their history so that it ends before now
        offsets = [o * room / offsets[-1] for o in offsets]
    return [(f.value if f else None, t.value, u, note, created + timedelta(seconds=o))
            for (f, t, u, note), o in zip(spec, offsets)]


# ---- the live part, through the services ---------------------------------------------------------------------------
# Everything below goes through the services, so stock moves, reservations, events, audit rows, invoice numbers and
# journal postings are exactly what the program itself writes.

SUPPLIERS = (  # (name, e-mail, phone, address, categories it supplies, prefix of its article numbers)
    ("Lumen & Kabel GmbH", "bestellung@lumen-kabel.example", "+49 231 5550140",
     "Hafenstraße 12\n44147 Dortmund\nGermany", ("Lighting", "Electrical"), "LK"),
    ("Gartenwerk Hofmann KG", "auftrag@gartenwerk-hofmann.example", "+49 7141 555020",
     "Industriestraße 7\n71636 Ludwigsburg\nGermany", ("Garden", "Tools", "Paint"), "GH"),
    ("Haus & Küche Import GmbH", "orders@hk-import.example", "+49 40 55588210",
     "Billstraße 88\n20539 Hamburg\nGermany", ("Kitchen", "Bathroom", "Textiles"), "HKI"),
    ("Buchvertrieb Nord GmbH", "service@buchvertrieb-nord.example", "+49 511 5553030",
     "Am Lindener Hafen 3\n30453 Hannover\nGermany", ("Books",), "BVN"),
    ("Holzspielwaren Seiffen e.K.", "handel@holzspiel-seiffen.example", "+49 37362 55541",
     "Hauptstraße 101\n09548 Seiffen\nGermany", ("Toys",), "HS"),
)  # Pantry goods come from the wholesale market: no preferred supplier, so "suggest purchase" lists them apart.

# (carrier, standard service, express service, weight): the parcels of the live orders.
PARCEL_CARRIERS = (("DHL", "Paket", "Express"), ("UPS", "Standard", "Express Saver"), ("DPD", "Classic", "Express"))
PARCEL_WEIGHTS = (50, 25, 25)

# The live orders that went through the whole cycle: how many go on each pick list (the last list is still being
# picked), and how far the rest got. Indexes are positions in the order they were placed.
N_CYCLE_ORDERS = 48
CYCLE_LISTS = (14, 14, 14, 6)
N_SHIPPED = 36              # 0..35 shipped (26 of them delivered since); 36..38 packed; 39..41 picked; 42.. picking
N_DELIVERED = 26
PACKED = (36, 37, 38)       # 36 and 37: counter sales, paid at the counter, delivered by parcel: no invoice yet
PAID_AT_COUNTER = (36, 37)
N_UNPAID, N_PARTLY = 4, 3
SHORT_REASON = "only one left at the location; the other one damaged"
RETURN_REASON = "colour does not match the sample"


def _carrier_ref(rng: random.Random, carrier: str, express: bool) -> str:
    """A tracking reference in the carrier's own format (DHL 20 digits, UPS 1Z..., DPD 14 digits)."""
    if carrier == "DHL":
        return f"00340434{rng.randrange(10 ** 12):012d}"
    if carrier == "UPS":
        return f"1ZA4W29E{'01' if express else '68'}{rng.randrange(10 ** 8):08d}"
    return f"0{rng.randrange(10 ** 12, 10 ** 13)}"


def _amount(minor: int, currency: str) -> str:
    return str(from_minor(minor, currency))


def _unit_costs(rng: random.Random, products: list[dict]) -> None:
    """Every product costs 45-65 % of its net price. The catalog import carries it, so the opening stock is
    valued in the ledger (Inventory against opening balances), COGS is posted at shipment and purchase orders are
    priced."""
    for p in products:
        p["cost_minor"] = max(p["unit_price_minor"] * rng.randint(45, 65) // 100, 1)


def _suppliers(services, actor, rng: random.Random, products: list[dict], progress) -> None:
    """The suppliers, and each product's preferred supplier with the supplier's own article number."""
    by_category: dict[str, tuple[str, str]] = {}
    for name, email, phone, address, categories, prefix in SUPPLIERS:
        services.purchasing.add_supplier(actor, name, email=email, phone=phone, address=address)
        for c in categories:
            by_category[c] = (name, prefix)
    supplied = [p for p in products if p["category"] in by_category]
    for i, p in enumerate(supplied):
        name, prefix = by_category[p["category"]]
        services.purchasing.set_preferred_supplier(actor, p["sku"], name, f"{prefix}-{rng.randint(10000, 99999)}")
        progress(i + 1, len(supplied))


def _stock_available(engine) -> dict[int, int]:
    """Available units (on hand minus reserved) per product id, as the live orders find them."""
    with engine.connect() as conn:
        return {pid: on_hand - reserved for pid, on_hand, reserved
                in conn.execute(select(m.Stock.product_id, m.Stock.on_hand, m.Stock.reserved)).all()}


def _order_cycle(services, engine, rng: random.Random, products: list[dict], customer_ids: list[int], actors: dict,
                 currency: str, progress) -> list[int]:
    """Recent orders taken through the whole cycle: placed, picked (one short pick: a backorder), packed, shipped
    by DHL/UPS/DPD, mostly delivered, invoiced and paid (cash, card, bank; some partly, some not yet, one twice),
    one returned, credited and refunded. A few are still picked, packed or on an open pick list.
    Returns the ids of the orders placed, in order."""
    agent, counter, warehouse, accountant = (actors[r] for r in ("agent", "counter", "warehouse", "accountant"))
    available = _stock_available(engine)
    sellable = [p for p in products if available[p["id"]] > p["reorder_point"] + 3]
    steps = N_CYCLE_ORDERS + N_SHIPPED + len(PACKED) + 2 * N_SHIPPED
    done = 0

    def tick():
        nonlocal done
        done += 1
        progress(done, steps)

    # What happens to each order's money, decided up front (payments taken at the counter or at the online
    # checkout come before the invoice, bank transfers after it).
    shipped = list(range(N_SHIPPED))
    delivered = set(rng.sample(shipped, N_DELIVERED))
    others = list(shipped)
    rng.shuffle(others)
    unpaid, partly, twice = set(others[:N_UNPAID]), set(others[N_UNPAID:N_UNPAID + N_PARTLY]), others[-1]
    channels = [("counter" if i in PAID_AT_COUNTER else
                 rng.choices(("phone", "online", "catalog", "counter"), weights=(40, 30, 10, 20))[0])
                for i in range(N_CYCLE_ORDERS)]
    placed = []
    for i, channel in enumerate(channels):
        wanted: dict[str, int] = {}
        n_lines = 2 if i == 0 else rng.choices((1, 2, 3), weights=(45, 35, 20))[0]  # order 0: room for a short pick
        for k, p in enumerate(rng.sample(sellable, n_lines)):
            qty = 2 if i == 0 and k == 0 else rng.choice((1, 1, 1, 2, 2, 3))
            if available[p["id"]] - qty > p["reorder_point"]:
                wanted[p["sku"]] = qty
                available[p["id"]] -= qty
        if not wanted:
            p = next(p for p in sellable if available[p["id"]] > p["reorder_point"] + 1)
            wanted[p["sku"]] = 1
            available[p["id"]] -= 1
        actor = counter if channel == "counter" else agent
        order = services.orders.place_order(actor, rng.choice(customer_ids), list(wanted.items()), channel=channel,
                                            express=rng.random() < 0.15)
        placed.append(order)
        if i in PAID_AT_COUNTER or (channel in ("counter", "online") and i in shipped
                                    and i not in unpaid | partly and i != twice):
            _pay(services, rng, counter if channel == "counter" else accountant, order, order.total, channel,
                 currency)
        tick()

    # Pick lists: the first with one short pick, the next two picked in full, the last one still open.
    lists, start = [], 0
    for size in CYCLE_LISTS:
        lists.append(services.picking.create_pick_list(warehouse, [o.id for o in placed[start:start + size]]))
        start += size
    first = lists[0]
    line_count = {o.number: o.line_count for o in first.orders}
    short = next((ln for ln in first.lines if len(ln.per_order) == 1  # one order, which keeps something
                  and (ln.per_order[0][2] >= 2 or line_count[ln.per_order[0][0]] >= 2)), None)
    if short is None:  # order 0 is made for it (two lines, two of the first), so only a broken service gets here
        raise RuntimeError(f"the demo found no line of {first.number} to pick short")
    services.picking.confirm_picks(warehouse, first.id, {short.sku: short.quantity - 1},
                                   {short.sku: SHORT_REASON})
    for pl in lists[1:-1]:
        services.picking.confirm_picks(warehouse, pl.id)

    for i, order in enumerate(placed[:N_SHIPPED + len(PACKED)]):
        carrier, standard, fast = rng.choices(PARCEL_CARRIERS, weights=PARCEL_WEIGHTS)[0]
        grams = rng.randint(300, 2500) * len(order.lines)
        services.shipping.pack_order(warehouse, order.id, carrier=carrier,
                                     carrier_ref=_carrier_ref(rng, carrier, order.express),
                                     service=fast if order.express else standard,
                                     weight_kg=f"{grams // 1000}.{grams % 1000:03d}",
                                     packages=2 if grams > 6000 else 1)
        if i < N_SHIPPED:
            services.shipping.ship_order(warehouse, order.id)
        tick()
    for i in sorted(delivered):
        services.shipping.deliver_order(warehouse, placed[i].id)

    # Accounts: invoice what was shipped, then the bank transfers and the other payments.
    invoices = {}
    for i in shipped:
        invoices[i] = services.billing.issue_invoice(accountant, placed[i].id)
        tick()
    paid_already = _paid(services, accountant, [o.id for o in placed])
    backordered = short.per_order[0][0]
    returned = next(i for i in sorted(delivered)
                    if i not in unpaid | partly and i != twice and placed[i].number != backordered)
    for i in shipped:
        order, channel = placed[i], channels[i]
        if i in unpaid or paid_already[order.id]:
            continue
        if i in partly:
            part = (order.total * rng.choice((30, 40, 50)) / 100).quantize(Decimal(1))  # whole euros
            if not 0 < part < order.total:
                part = (order.total / 2).quantize(Decimal("0.01"))
            services.receivables.record_payment(accountant, order.id, str(part), "bank",
                                                reference=f"SEPA {order.number} first instalment")
        elif i == twice:
            for n in (1, 2):
                services.receivables.record_payment(accountant, order.id, str(order.total), "bank",
                                                    reference=f"SEPA {order.number} {invoices[i].number}",
                                                    notes="transferred twice by the customer" if n == 2 else "")
        else:
            _pay(services, rng, counter if channel == "counter" else accountant, order, order.total, channel,
                 currency)
        tick()

    # One delivered order comes back: restocked, credited in full and refunded by bank transfer.
    order = placed[returned]
    for ln in order.lines:
        services.returns.receive_return(warehouse, order.id, ln.sku, ln.quantity, "restock", RETURN_REASON)
    services.billing.issue_credit_note(accountant, invoices[returned].number, reason=f"returned: {RETURN_REASON}")
    services.receivables.refund(accountant, order.id, str(order.total), "bank",
                                reference=f"SEPA refund {invoices[returned].number}")
    progress(steps, steps)
    return [o.id for o in placed]


def _paid(services, actor, order_ids: list[int]) -> dict[int, bool]:
    return {oid: services.receivables.order_account(actor, oid).paid > 0 for oid in order_ids}


def _pay(services, rng: random.Random, actor, order, amount: Decimal, channel: str, currency: str) -> None:
    """Pay as the channel does: cash or card at the counter, card at the online checkout, bank transfer else."""
    if channel == "counter":
        method = "cash" if rng.random() < 0.5 else "card"
    elif channel == "online":
        method = "card"
    else:
        method = "bank" if rng.random() < 0.85 else "card"
    if method == "cash":
        services.receivables.record_payment(actor, order.id, str(amount), "cash", reference="till 1")
    elif method == "card":
        terminal = "online checkout" if channel == "online" else "terminal 2"
        services.receivables.record_payment(actor, order.id, str(amount), "card",
                                            card_last4=f"{rng.randrange(10000):04d}",
                                            reference=f"{terminal} trace {rng.randrange(10 ** 6):06d}")
    else:
        services.receivables.record_payment(actor, order.id, str(amount), "bank", reference=f"SEPA {order.number}")


def _purchasing(services, actor, accountant) -> None:
    """Suggest purchase from the reorder points (one draft per supplier); send most of them, receive one in full
    and one partly; the last stays a draft. The accountant books the supplier's invoice of the full receipt (at
    19 % input tax) and pays it; the partial receipt's goods wait for their invoice (goods received not invoiced)."""
    suggestion = services.purchasing.suggest_purchase(actor)
    pos = list(suggestion.orders)
    for po in pos[:-1] if len(pos) > 1 else pos:
        services.purchasing.send_purchase_order(actor, po.id)
    if pos:
        services.purchasing.receive(actor, pos[0].id)
        invoice = services.payables.record_supplier_invoice(accountant, pos[0].id, f"R-{pos[0].id:05d}-24",
                                                            tax="19%")
        services.payables.pay_supplier_invoice(accountant, invoice.reference, reference="SEPA supplier run")
    if len(pos) > 2:
        lines = pos[1].lines
        part = ({ln.sku: ln.quantity for ln in lines[::2]} if len(lines) > 1
                else {lines[0].sku: max(lines[0].quantity // 2, 1)})
        services.purchasing.receive(actor, pos[1].id, part)


def _waiting_orders(services, engine, rng: random.Random, products: list[dict], customer_ids: list[int],
                    actors: dict, progress) -> list[int]:
    """Confirmed orders waiting for the warehouse and open carts: real reservations, events and audit rows."""
    available = _stock_available(engine)
    sellable = [p for p in products if available[p["id"]] > p["reorder_point"]]
    total = N_LIVE_ORDERS + N_DRAFTS
    ids = []
    for n in range(N_LIVE_ORDERS):
        at_counter = rng.random() < 0.3
        actor = actors["counter"] if at_counter else actors["agent"]
        channel = "counter" if at_counter else rng.choices(("phone", "catalog", "online"), weights=(55, 20, 25))[0]
        wanted: dict[str, int] = {}
        for p in rng.sample(sellable, rng.choices((1, 2, 3, 4), weights=(40, 30, 20, 10))[0]):
            qty = rng.choice((1, 1, 1, 2, 2, 3))
            if available[p["id"]] >= qty:
                wanted[p["sku"]] = qty
                available[p["id"]] -= qty
        if not wanted:
            continue
        ids.append(services.orders.place_order(actor, rng.choice(customer_ids), list(wanted.items()),
                                               channel=channel, express=rng.random() < 0.25).id)
        progress(n + 1, total)
    for n in range(N_DRAFTS):
        actor = actors["agent"]
        draft = services.orders.create_draft(actor, rng.choice(customer_ids), channel=rng.choice(("phone", "online")))
        for k, p in enumerate(rng.sample(products, rng.randint(1, 3))):
            ref = p["barcode"] if k == 1 else p["sku"]  # scanned or typed
            discount = "0.05" if n == 0 and k == 0 else None
            services.orders.add_line(actor, draft.id, ref, rng.choice((1, 1, 2, 3)), discount=discount)
        progress(N_LIVE_ORDERS + n + 1, total)
    return ids


def _carts_and_promotions(services, engine, rng: random.Random, products: list[dict], customer_ids: list[int],
                          actors: dict) -> None:
    """Shipping methods, promotions and coupons as a shop runs them, and open carts a manager can act on: some
    idle long enough to be at risk, one with an incentive already offered (issue 13). Set up after the history, so
    the orders of the past keep the prices they were placed at."""
    manager, agent, counter = actors["manager"], actors["agent"], actors["counter"]
    promos = services.promotions
    promos.put_shipping_method(manager, "standard", "Standard parcel (free from 75.00)", basis="value",
                               tiers="0:4.90 75:0", tax_rate="19%")
    promos.put_shipping_method(manager, "express", "Express next day", basis="flat", tiers="9.90", tax_rate="19%")
    promos.put_shipping_method(manager, "pickup", "Collect at the counter", basis="flat", tiers="0", tax_rate="19%")
    today = datetime.now().date()
    for name, category, percent, start, end in promotion_periods(datetime.now(timezone.utc).date()):
        promos.add_promotion(manager, f"{name} ({start.year})", percent=str(percent),
                             categories=[category] if category else (), starts=start.isoformat(),
                             ends=end.isoformat())  # over: the history's orders of those days carry its price
    garden = next((c[0] for c in CATEGORIES if c[0] == "Garden"), CATEGORIES[0][0])
    promos.add_promotion(manager, "Welcome: 10 % off a first order", percent="10", first_order_only=True, priority=5)
    promos.add_promotion(manager, f"{garden} week: 15 % off", percent="15", categories=[garden],
                         starts=(today - timedelta(days=2)).isoformat(), ends=(today + timedelta(days=5)).isoformat())
    promos.add_promotion(manager, "Online: free shipping from 40.00", free_shipping=True, min_total="40",
                         channel="online")
    promos.create_coupon(manager, "WELCOME5", amount="5", min_total="25", per_customer="1")
    promos.generate_coupons(manager, 20, "XMAS", percent="10", expires=(today + timedelta(days=30)).isoformat())
    sellable = [p for p in products if p["category"] != "Books"]
    carts = []
    for actor, channel, idle in ((agent, "phone", 3), (agent, "phone", 42), (counter, "counter", 1),
                                 (agent, "online", 95), (agent, "catalog", 7)):
        cart = services.orders.create_draft(actor, rng.choice(customer_ids), channel=channel)
        for p in rng.sample(sellable, rng.randint(1, 3)):
            cart = services.orders.add_line(actor, cart.id, p["sku"], rng.choice((1, 1, 2)))
        if channel != "counter":
            cart = services.carts.set_shipping(actor, cart.id, "standard")
        carts.append((cart.id, idle))
    services.carts.offer(manager, carts[1][0], percent="10", note="asked about the price twice")
    ot = m.Order.__table__
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:  # how long each cart has been idle (the services stamp "now")
        conn.execute(update(ot).where(ot.c.id == bindparam("oid")).values(last_change_at=bindparam("when")),
                     [dict(oid=oid, when=now - timedelta(minutes=idle)) for oid, idle in carts])


def _backdate(engine, rng: random.Random, now: datetime, cycle_ids: list[int], waiting_ids: list[int],
              admin) -> None:
    """Spread the live orders' placing over the last days, so the warehouse queue shows real waiting times.

    The services stamp everything "now"; this is the one place the demo rewrites rows the services wrote: a direct
    Core UPDATE of ``orders.created_at``/``confirmed_at`` (the orders table is not append-only; the queue ages
    orders by ``confirmed_at``). Orders that went through the cycle were placed 2-5 days ago, the waiting ones over
    the last two days (most of them recently); older orders keep the lower numbers. The append-only tables keep the
    times the services wrote: the status history (its "placed" row says when the demo placed the order), events,
    and the invoices, payments and journal entries (immutable, migration 0004), so no invoice is overdue yet.
    """
    cycle_ages = sorted((timedelta(hours=48 + 72 * rng.random()) for _ in cycle_ids), reverse=True)
    waiting_ages = sorted((timedelta(minutes=8 + 2870 * rng.random() ** 2) for _ in waiting_ids), reverse=True)
    rows = [dict(oid=oid, when=now - age) for oid, age in zip(cycle_ids + waiting_ids, cycle_ages + waiting_ages)]
    ot = m.Order.__table__
    with engine.begin() as conn:
        conn.execute(update(ot).where(ot.c.id == bindparam("oid"))
                     .values(created_at=bindparam("when"), confirmed_at=bindparam("when")), rows)
        conn.execute(insert(m.AuditEntry.__table__).values(
            at=datetime.now(timezone.utc), user_id=admin.user_id, username=admin.username, action="demo.backdate",
            entity="order", entity_id="", old_values="",
            new_values=f'{{"orders": {len(rows)}, "note": "placing times spread over the last days"}}'))
