"""The normaliser every backend shares."""

from search.normalise import fold, index_tokens, query_tokens


def test_folding_removes_case_and_accents():
    assert [fold(word) for word in ("Querétaro", "ZALĂU", "Łódź", "Straße", "Ærø")] == [
        "queretaro", "zalau", "lodz", "strasse", "aero",
    ]  # fmt: skip


def test_thai_marks_are_kept():
    assert fold("มิชลิน") == "มิชลิน"


def test_chinese_is_split_into_words_and_bigrams():
    tokens = index_tokens("鞍山钢铁集团与米其林合作")
    assert {"鞍山", "钢铁", "米其", "其林"} <= set(tokens)
    assert query_tokens("米其林") == ["米其", "其林"]  # found whatever the dictionary made of it in the text
    assert set(query_tokens("米其林")) <= set(tokens)


def test_thai_inside_a_sentence_is_found_by_its_bigrams():
    sentence = index_tokens("การประชุมเครือข่ายเมืองมิชลินที่แหลมฉบัง")
    assert set(query_tokens("มิชลิน")) <= set(sentence)
    assert set(query_tokens("แหลมฉบัง")) <= set(sentence)


def test_operators_and_punctuation_are_only_words():
    assert query_tokens('"(x) AND y* NEAR:z -w ^v') == ["x", "and", "y", "near", "z", "w", "v"]
    assert query_tokens("🚲 \x00 ;--") == []
