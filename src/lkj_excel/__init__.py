"""lkj-excel: check and correct the tables of an LKjIP workbook."""

__version__ = "0.1.0"
