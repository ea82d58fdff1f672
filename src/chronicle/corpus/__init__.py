"""Cross-article work on stored records (near-duplicates and syndication, story clusters,
corroboration, contradictions, actor timelines). Not built yet: no open issue asks for it so far."""
