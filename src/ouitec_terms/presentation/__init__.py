"""The presentation: documents for people (text, tables, HTML) in French or English, and
the command line."""
