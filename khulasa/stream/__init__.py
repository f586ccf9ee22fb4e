"""From a stream of articles to stories: near-duplicates, online time-windowed clustering, ingest."""
