"""The Conversations tab: the seed's question decks and the support inventory."""
