"""Reading customers' manifest files (CSV, XLSX) into validated rows, streaming."""
