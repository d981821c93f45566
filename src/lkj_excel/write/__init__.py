"""Writers: the blank standard template and the corrected, annotated workbook."""
