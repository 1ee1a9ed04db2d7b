"""Run: the orchestration of a corpus run (plan, reuse, process, store, export, manifest) and its engines."""
