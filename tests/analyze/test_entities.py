from khulasa.analyze.entities import Mention, canonicalize, name_key, same_person

PEOPLE = {
    "Khamenei": "خامنئي",
    "Kerry": "كيري",
    "Zarif": "ظريف",
    "Psaki": "ساكي",
    "Hammond": "هاموند",
    "Velayati": "ولايتي",
    "Shamkhani": "شمخاني",
    "Amir-Abdollahian": "اللهيان",
}


def person(analysis, surname):
    matches = [e for e in analysis.entities if e.type == "PER" and any(surname in v for v in e.variants)]
    assert len(matches) == 1, (surname, [e.name for e in matches])
    return matches[0]


def test_all_people_of_the_example_are_found_as_persons(example_analysis):
    for surname in PEOPLE.values():
        person(example_analysis, surname)


def test_psaki_is_one_entity_under_two_spellings(example_analysis):
    psaki = person(example_analysis, "ساكي")
    assert {"جين بساكي", "جاين ساكي"} <= set(psaki.variants)
    assert set(psaki.outlets) == {"report-a", "report-b"}


def test_khamenei_and_shamkhani_stay_apart(example_analysis):
    assert person(example_analysis, "خامنئي") is not person(example_analysis, "شمخاني")


def test_aliases_merge_america_and_isis(example_analysis):
    by_name = {e.name: e for e in example_analysis.entities}
    assert "اميركا" in by_name["الولايات المتحدة"].variants
    assert set(by_name["تنظيم الدولة الإسلامية"].outlets) == {"report-a", "report-b", "report-c"}


def test_same_person_rules():
    assert same_person(name_key("جين بساكي"), name_key("جاين ساكي"))
    assert same_person(name_key("ساكي"), name_key("جاين ساكي"))
    assert not same_person(name_key("علي خامنئي"), name_key("علي شمخاني"))
    mentions = [Mention("علي خامنئي", "PER", "a", "A", 0), Mention("علي شمخاني", "PER", "b", "B", 0)]
    assert len(canonicalize(mentions)) == 2
