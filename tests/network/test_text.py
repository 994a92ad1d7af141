"""network.text.fold: every name look-up ignores case, diacritics and (Serbian, Macedonian) script."""

import pytest

from network.text import fold, transliterate_to_latin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KUĆA", "kuca"),
        ("Kuća", "kuca"),
        ("kuca", "kuca"),
        ("ŠUMADIJA", "sumadija"),
    ],
)
def test_fold_ignores_case(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kuća", "kuca"),
        ("čačak", "cacak"),
        ("Žabljak", "zabljak"),
        ("şehir", "sehir"),
        ("Đorđe", "djordje"),
        ("ĐORĐE", "djordje"),
        ("Tiranë", "tirane"),
        ("Çajupi", "cajupi"),
        ("Straße", "strasse"),
    ],
)
def test_fold_strips_diacritics(text, expected):
    assert fold(text) == expected


def test_fold_makes_kuca_kuca_and_kuca_in_cyrillic_equal():
    assert fold("kuća") == fold("kuca") == fold("KUĆA") == fold("Кућа") == "kuca"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("кућа", "kuca"),
        ("Београд", "beograd"),
        ("Ђорђе", "djordje"),
        ("Чачак", "cacak"),
        ("Шабац", "sabac"),
        ("Жабљак", "zabljak"),
        ("Љубљана", "ljubljana"),
        ("Његош", "njegos"),
        ("Џеп", "dzep"),
        ("Јагодина", "jagodina"),
    ],
)
def test_fold_transliterates_serbian_cyrillic(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Скопје", "skopje"),
        ("Ѓорѓи", "gjorgji"),
        ("Ќерка", "kjerka"),
        ("Ѕвезда", "dzvezda"),
        ("Џамија", "dzamija"),
        ("Љубов", "ljubov"),
        ("Њива", "njiva"),
        ("Агенција за управување со одземен имот", "agencija za upravuvanje so odzemen imot"),
    ],
)
def test_fold_transliterates_macedonian_cyrillic(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chișinău", "chisinau"),
        ("ș ț ă â î", "s t a a i"),
        ("Ș Ț Ă Â Î", "s t a a i"),
        # The cedilla forms older keyboards still type.
        ("ş ţ", "s t"),
        ("Agenția de Recuperare a Bunurilor Infracționale", "agentia de recuperare a bunurilor infractionale"),
    ],
)
def test_fold_strips_romanian_diacritics(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Mladi   za\tzajednicu \n", "mladi za zajednicu"),
        ("a\u00a0b", "a b"),  # no-break space
        ("\n\t ", ""),
    ],
)
def test_fold_collapses_and_trims_whitespace(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize("text", ["", None])
def test_fold_of_nothing_is_the_empty_string(text):
    assert fold(text) == ""


def test_fold_leaves_digits_and_punctuation():
    assert fold("REG-2024/17") == "reg-2024/17"


def test_transliteration_keeps_capitals_and_latin_text():
    assert transliterate_to_latin("Ђорђе Petrović") == "Djordje Petrović"
    assert transliterate_to_latin("ЉИЉА") == "LjILjA"


def test_strip_bidi_controls_removes_overrides_and_isolates_but_keeps_letters():
    from network.text import strip_bidi_controls

    assert strip_bidi_controls("Centar \u202egnp.exe") == "Centar gnp.exe"
    assert strip_bidi_controls("\u2066Ниш\u2069 \u202aA\u202c") == "Ниш A"
    assert strip_bidi_controls("Shoqata „Ëndërr“") == "Shoqata „Ëndërr“"
