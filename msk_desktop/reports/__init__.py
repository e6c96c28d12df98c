"""Printed reports (ReportLab): the monthly progress report, register printouts and the
inspection report.

Each report is built in two steps: a plain frozen data object with every number and text it
prints (``*_data`` modules, tested against hand-computed figures), then a renderer that only lays
that object out on paper (``*_pdf`` and ``ledger`` modules). Data comes through
``msk_desktop.ops.report_data``, which never reads the protected identity table: a report shows
pseudonyms only (BNS 72, POCSO 23, Nipun Saxena v. Union of India).
"""
