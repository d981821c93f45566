"""Read the figures an LKjIP report's paragraphs repeat or derive from its tables.

``extract`` finds numeric claims, table references and direction statements in
Indonesian prose; ``typo`` decides whether a printed figure agrees with, or is a
typing slip of, a figure computed from a table. Pure text: no workbook I/O.
"""
