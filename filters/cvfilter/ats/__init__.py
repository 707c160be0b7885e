"""`cv check --ats`: read the built files back as applicant-tracking parsers do, and compare with the source.

expected.py takes what must be read from the semantic document (the owner, contacts, headings,
every entry's fields in order); the extract_* modules read each format as parsers do (two PDF
extractors, the DOCX by paragraphs and by its XML runs, the HTML by its DOM); compare.py scores
each reading; sources.py places a finding at its file:line; report.py prints it; command.py runs
it all after a build.
"""
