"""Sheets to checked survey rows, without writing anything. Import from the module that defines a name:

- sheets:    one uploaded file to canonical rows and a report (orchestrates the rest)
- sheet_columns: what each headed column of a sheet is, and the mapping recorded in the report
- sheet_rows:    the museum rows under the header (skipped rows, merged cells, failed formulas, option columns)
- text_lines:    text-file lines that lost or gained values, or swallowed rows
- column_values: each mapped column's cells as canonical values, with their findings
- layouts:   survey-tool downloads (SurveyMonkey, Google Forms, ...) recognised and unfolded
- columns:   the header row, and option columns of several-answers questions
- headers/:  what each heading means, in 26 languages (lexicon/, concepts, fields, values, recognise)
- normalise: cell values to canonical answers (numbers, percentages, dates, choices, countries)
- rules:     the validation rules of survey-schema.md
- report:    findings with file, sheet, row, column, value and rule; mapping kinds and skip reasons
"""
