"""What each column heading of a survey sheet means: a concept lexicon per language (lexicon/), headings read
as concepts (concepts.py), the concepts that make each survey field (fields.py), what the answers say
(values.py), and the decision for every column of a sheet at once (recognise.py)."""
