import httpx

from tests.serve.conftest import TOKEN

SLOW = 120  # summarizing a story cold (model load) on a busy machine: a bound on the wait, not a timing test


def test_story_list_and_story_json(server):
    stories = httpx.get(server["base"] + "/api/stories").json()
    ours = next(s for s in stories if s["id"] == server["story"])
    assert {"report-a", "report-b"} <= set(ours["outlets"])
    record = httpx.get(f"{server['base']}/api/stories/{server['story']}", timeout=SLOW).json()
    assert record["sentences"] and record["entities"] and record["quotes"]
    assert all(s["sources"][0]["text"] == s["text"] for s in record["sentences"])


def test_search_by_word_or_entity(server):
    found = httpx.get(server["base"] + "/api/stories", params={"q": "خامنئي"}).json()
    assert [s["id"] for s in found] == [server["story"]]
    assert httpx.get(server["base"] + "/api/stories", params={"q": "كلمة-لا-توجد"}).json() == []


def test_post_summarize_returns_a_batch_record(server):
    body = {
        "id": "c1",
        "words": 40,
        "docs": [
            {
                "text": "قال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام شهرين.",
                "source": "A",
            }
        ],
    }
    record = httpx.post(server["base"] + "/summarize", json=body, timeout=SLOW).json()
    assert record["id"] == "c1" and record["summary"]
    assert {"doc", "source", "sentence"} <= set(record["sentences"][0]["sources"][0])


def test_bad_requests_get_clear_errors_without_traces(server):
    base = server["base"]
    missing = httpx.get(base + "/api/stories/99999")
    assert missing.status_code == 404 and "no story" in missing.json()["error"]
    invalid = httpx.post(base + "/summarize", json={"docs": []})
    assert invalid.status_code == 422 and "Traceback" not in invalid.text
    huge = httpx.post(
        base + "/summarize", content=b"{" + b" " * 300_000 + b"}", headers={"content-type": "application/json"}
    )
    assert huge.status_code == 413
    empty_text = httpx.post(base + "/summarize", json={"docs": [{"text": "12345 ..."}]})
    assert empty_text.status_code == 422 and "no Arabic or English text" in empty_text.json()["error"]


def test_write_endpoint_requires_the_token(server):
    article = [
        {"id": "new", "text": "أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية.", "source": "gov"}
    ]
    assert httpx.post(server["base"] + "/api/articles", json=article).status_code == 401
    wrong = httpx.post(server["base"] + "/api/articles", json=article, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    ok = httpx.post(server["base"] + "/api/articles", json=article, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["added"] == 1


def test_story_page_shows_each_source_sentence_in_its_context(server):
    page = httpx.get(f"{server['base']}/stories/{server['story']}", timeout=SLOW).text
    assert page.count('class="source"') >= 2
    assert '<span class="context">' in page and "<mark>" in page


def test_story_page_gives_each_date_the_day_it_names(server):
    # The example articles are stored as published on Monday 15 September 2014: «الاثنين» is that day.
    page = httpx.get(f"{server['base']}/stories/{server['story']}", timeout=SLOW).text
    dates = page.split("<h2>التواريخ المذكورة</h2>")[1].split("</ul>")[0]
    assert '<li>الاثنين (<time datetime="2014-09-15">2014-09-15</time>)' in dates
    assert "الاسبوع الماضي <span" in dates  # a week names no day, month or year: no <time>


def test_pages_escape_untrusted_article_text(server):
    page = httpx.get(f"{server['base']}/stories/{server['hostile']}", timeout=SLOW).text
    assert "<script>window.__xss" not in page and "&lt;script&gt;" in page
    assert 'onerror="' not in page and 'onmouseover="' not in page and 'onclick="' not in page
    assert "javascript:" not in page
    listing = httpx.get(server["base"] + "/").text
    assert "<script>window" not in listing


def test_openapi_and_the_form(server):
    spec = httpx.get(server["base"] + "/openapi.json").json()
    assert {"/summarize", "/api/stories", "/api/stories/{story_id}", "/api/articles"} <= set(spec["paths"])
    form = httpx.get(server["base"] + "/summarize").text
    assert 'dir="rtl"' in form and "textarea" in form
    result = httpx.post(
        server["base"] + "/summarize/page",
        data={
            "text": ["خبر أول\nقال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف."],
            "source": ["أ"],
        },
        timeout=SLOW,
    )
    assert result.status_code == 200 and "المحادثات ستستأنف" in result.text


def test_form_accepts_uploaded_files_and_reports_bad_ones(server, example_dir):
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(example_dir.glob("*.txt"))]
    page = httpx.post(server["base"] + "/summarize/page", files=files, data={"words": "60"}, timeout=SLOW)
    assert page.status_code == 200 and "مصادر" in page.text and "report-b" in page.text
    bad = httpx.post(server["base"] + "/summarize/page", files=[("files", ("x.txt", b"\x00\x01binary", "text/plain"))])
    assert bad.status_code == 422 and "binary file" in bad.text
