"""Learned relations between news texts: whether two articles report the same event (`story`)."""
