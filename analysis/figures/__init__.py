"""What the pages, exports and the command line show. Import from the module that defines a name:

- metrics:     every aggregate in one place (by theme in overview, digitisation, skills, funding, population;
               sql: how they are read from the store, with suppression)
- filters:     the shared filters and their description in words
- weights:     population frame, post-stratification weights and 95 % intervals
- targets, findings, definitions: targets in force, findings that hold, what each figure means in words
- scenarios, unit_costs: investment scenarios and the digitisation cost model
- projections: a scenario for every museum of the frame, and its digitisation outlook
- provenance:  the data version every figure is cited with
"""
