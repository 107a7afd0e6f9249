"""Romanisation by the national standard (KMU resolution No. 55, 2010) and ASCII folding."""

from __future__ import annotations

import pytest

from pipeline.gazetteer.romanize import fold, is_cyrillic, is_latin, romanize_uk


@pytest.mark.parametrize(
    ("ukrainian", "latin"),
    [
        ("Згурівка", "Zghurivka"),  # зг -> zgh
        ("Розгон", "Rozghon"),
        ("Єнакієве", "Yenakiieve"),  # є: Ye at the start of a word, ie inside it
        ("Їжакевич", "Yizhakevych"),  # ї: Yi, then i
        ("Мар'їнка", "Marinka"),
        ("Йосипівка", "Yosypivka"),  # й: Y, then i
        ("Гайсин", "Haisyn"),
        ("Юнаківка", "Yunakivka"),  # ю: Yu, then iu
        ("Костюківка", "Kostiukivka"),
        ("Яготин", "Yahotyn"),  # я: Ya, then ia
        ("Нова Ярославка", "Nova Yaroslavka"),  # the start of each word of a name
        ("Подільськ", "Podilsk"),  # the soft sign is dropped
        ("Знам'янка", "Znamianka"),  # so is the apostrophe, in each of its spellings
        ("Знам\u2019янка", "Znamianka"),
        ("Знам\u02bcянка", "Znamianka"),
        ("Щастя", "Shchastia"),
        ("Ґорґани", "Gorgany"),
        ("Івано-Франківськ", "Ivano-Frankivsk"),
    ],
)
def test_national_romanisation(ukrainian, latin):
    assert romanize_uk(ukrainian) == latin


@pytest.mark.parametrize(
    ("written", "folded"),
    [("Orël", "Orel"), ("Ryazan\u2019", "Ryazan"), ("Bălţi", "Balti"), ("Dem\u201dyanivka", "Demyanivka"), ("Sumy", "Sumy")],
)
def test_fold_to_plain_ascii(written, folded):
    assert fold(written) == folded


@pytest.mark.parametrize(
    ("name", "latin", "cyrillic"),
    [("Orël", True, False), ("Quru Özen", True, False), ("Кам'янське", False, True), ("Брэст", False, True),
     ("ウグレダール", False, False), ("Abc Где", False, False), ("", False, False)],
)
def test_scripts(name, latin, cyrillic):
    assert (is_latin(name), is_cyrillic(name)) == (latin, cyrillic)
