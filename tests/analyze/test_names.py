"""Name keys and the edit-distance test of khulasa/analyze/names.py."""

from __future__ import annotations

import random

from khulasa.analyze.names import base_key, edit_distance, merge_key, within


def test_bounded_check_agrees_with_the_full_edit_distance():
    """`within` skips most of the table (a story compares hundreds of names pairwise); it must say
    exactly what the full distance says, swaps of two letters included (بوينغ / بيونغ)."""
    letters = "ابتثجحخدرزسشصعغفقكلمنهوي"
    rng = random.Random(14)
    for _ in range(5000):
        a = "".join(rng.choice(letters) for _ in range(rng.randint(0, 9)))
        b = list(a)
        for _ in range(rng.randint(0, 4)):
            edit = rng.randint(0, 3)
            if edit == 0 and b:
                b.pop(rng.randrange(len(b)))
            elif edit == 1:
                b.insert(rng.randint(0, len(b)), rng.choice(letters))
            elif edit == 2 and b:
                b[rng.randrange(len(b))] = rng.choice(letters)
            elif edit == 3 and len(b) > 1:
                k = rng.randrange(len(b) - 1)
                b[k], b[k + 1] = b[k + 1], b[k]
        for limit in (0, 1, 2, 3):
            assert within("".join(a), "".join(b), limit) == (edit_distance(a, "".join(b)) <= limit), (a, b, limit)
    assert edit_distance("بوينغ", "بيونغ") == 1


def test_keys_glue_particles_and_drop_what_does_not_tell_entities_apart():
    assert base_key("عبد العزيز بوتفليقة") == base_key("عبدالعزيز بوتفليقة") == ("عبدالعزيز", "بوتفليقه")
    assert base_key("إف . بي . آي") == base_key("إف.بي.آي")
    assert merge_key("الرئيس الروسي فلاديمير بوتين", "PER") == ("فلاديمير", "بوتين")
    assert merge_key("لأن غوغل", "ORG") == merge_key("شركة غوغل", "ORG") == ("غوغل",)
    assert merge_key("الاتحاد الأوروبي", "ORG") == ("اتحاد", "اوروبي")  # الأوروبي is no nationality
    assert merge_key("الجيش السوري", "ORG") == ("جيش", "سوري")  # a lone جيش names no army
