"""Text units: normalization keys, tokens, stems, stop words and sentences (Arabic first)."""
