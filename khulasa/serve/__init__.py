"""The HTTP side: server-rendered right-to-left story pages and a JSON API over the store."""
