"""Sheets to checked survey rows, without writing anything. Import from the module that defines a name:

- sheets:    one uploaded file to canonical rows and a report (orchestrates the rest)
- layouts:   survey-tool downloads (SurveyMonkey, Google Forms, ...) recognised and unfolded
- columns:   the header row, and option columns of several-answers questions
- headers/:  what each heading means, in 26 languages (lexicon/, concepts, fields, values, recognise)
- normalise: cell values to canonical answers (numbers, percentages, dates, choices, countries)
- rules:     the validation rules of survey-schema.md
- report:    findings with file, sheet, row, column, value and rule; mapping kinds and skip reasons
"""
