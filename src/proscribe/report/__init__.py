"""Reports of a scan: a console summary and an HTML report with charts."""
