"""The normaliser both engines match on: case, diacritics and script fold away; query words are plain words
only, cut to their stem in the visitor's language when it has a stemmer."""

from search.text import MAX_QUERY_WORDS, normalise, query_words, stem


def test_case_diacritics_and_script_fold_to_the_same_words():
    assert normalise("Кућа") == normalise("kuća") == normalise("KUCA") == "kuca"
    assert normalise("Скопје") == "skopje"
    assert normalise("şehir") == "sehir"
    assert normalise("Tiranë, Shqipëri") == "tirane shqiperi"


def test_engine_syntax_becomes_plain_words():
    assert query_words('title:(villa OR flat)^3 "*') == ["title", "villa", "or", "flat", "3"]
    assert query_words("!!! ??? ...") == []
    assert query_words("") == [] and query_words(None) == []


def test_a_huge_query_is_cut_to_a_few_words():
    assert len(query_words("kuca " * 5000)) == 1
    assert len(query_words(" ".join(f"word{n}" for n in range(100)))) == MAX_QUERY_WORDS


def test_words_are_cut_to_their_stem_in_the_visitors_language():
    assert query_words("youth centres", "en") == ["youth", "centr"]
    assert query_words("kuće omladinskog centra", "sr-latn") == ["kuc", "omladinsk", "centr"]
    assert query_words("кућама", "sr") == ["kuc"]
    # Without a language, or in one without a stemmer (Albanian), words stay whole.
    assert query_words("centres") == ["centres"]
    assert query_words("qendrat", "sq") == ["qendrat"]


def test_a_stem_is_always_the_start_of_its_word_and_short_words_stay_whole():
    for word, language in [("centres", "en"), ("kucama", "sr"), ("centrele", "ro"), ("generous", "en")]:
        assert word.startswith(stem(word, language))
    assert stem("sad", "en") == "sad"
