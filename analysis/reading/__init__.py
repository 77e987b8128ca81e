"""Reading an upload: bytes in, grids of cells out, one per sheet, whatever the format; hostile files refused
in plain words before anything parses them. Import from the module that defines a name:

- formats:  sniff_format (the format from the content, not the file name) and read_sheets, the entry point
- grid:     Sheet, TableRows, cell_value, the texts of failed formulas, UnreadableFile (every refusal)
- text:     CSV and other text files: encoding, delimiter, strict reading, line count
- safety:   checks on a workbook's bytes before parsing (zip parts and sizes, XML prologs, cell counts and
            references beyond the limits)
- compound: the OLE2 compound-file (MS-CFB) directory: xls told apart from encrypted files, Word, PowerPoint
- workbook: xlsx, xlsm, xls, ods sheets read with fastexcel into Arrow tables, failed formulas kept as shown
- sandbox:  that parse run in a child process limited in memory and time while the checks run here
"""
