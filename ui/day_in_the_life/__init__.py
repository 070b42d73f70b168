"""The Day in the Life tab: each partner’s ideal workday, written alone and compared
together."""
