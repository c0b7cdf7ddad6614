// The FeedParsing module: see docs/ARCHITECTURE.md.
