"""Search in the store, SQLite and PostgreSQL (the store tests' fixtures): the query is matched
as written; % and _ are not wildcards."""

from __future__ import annotations

from khulasa.model import Article
from tests.store.conftest import make_store, postgres_dsn  # noqa: F401 (fixtures)


def test_percent_and_underscore_in_a_query_match_literally(make_store):  # noqa: F811
    with make_store() as store:
        store.add_articles(
            [
                Article("a", "ارتفعت نسبة المشاركة إلى 50% في الانتخابات البلدية هذا العام.", source="A"),
                Article("b", "شارك 500 ناخب في الانتخابات البلدية في القرية الصغيرة.", source="B"),
                Article("c", "نشر الموقع الملف باسم تقرير_الانتخابات على صفحته.", source="C"),
            ]
        )
        store.assign([("a", 1), ("b", 2), ("c", 3)])
        assert store.search("50%") == {1}  # not 500: % is a percent sign here
        assert store.search("5_0") == set()
        assert store.search("تقرير_الانتخابات") == {3}
        assert store.search("تقرير الانتخابات") == set()  # _ is not any character
        assert store.search("الانتخابات البلدية") == {1, 2}
        assert store.search("\\") == set()
