"""``python -m pipeline`` runs the command line."""

from pipeline.cli import main

# guarded: worker processes (started with "spawn") import this module again
if __name__ == "__main__":
    main()
