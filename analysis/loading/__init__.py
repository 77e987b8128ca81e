"""Loading a survey file into the store: one service for the command line and the Upload page alike.
Import from the module that defines a name:

- upload:   the review of one file (receive -> Stage -> revise -> commit), the size limit and duplicate
            check applied once, every verdict worded once; load_bytes / load_file for the command line
- mappings: column choices an analyst made, saved for the next file with the same headings, and the
            column table the Upload page edits
- annotate: a copy of the workbook with every problem marked, to send back to the museum
"""
