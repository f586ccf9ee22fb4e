"""Analysis of a story: named entities, quotes with speakers, agreement across outlets, dates."""
