import pytest


@pytest.fixture(scope="session")
def example_analysis(example_story):
    from khulasa.analyze.story import analyze_story

    return analyze_story(example_story, align="semantic")
