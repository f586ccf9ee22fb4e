"""The `khulasa` command line."""
