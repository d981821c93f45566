"""Writers: the corrected workbook, and the report (Ringkasan, Temuan, Checklist Reviu) as xlsx, html or json."""
