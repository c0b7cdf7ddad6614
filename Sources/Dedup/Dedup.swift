// The Dedup module: see docs/ARCHITECTURE.md.
