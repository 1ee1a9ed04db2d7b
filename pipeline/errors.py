"""Exceptions raised by the library. The CLI alone turns them into one-line messages."""

from __future__ import annotations


class PipelineError(Exception):
    """Base class for every expected error of the pipeline."""


class UsageError(PipelineError):
    """The command was called with arguments that cannot work (exit code 2)."""


class OutputError(PipelineError):
    """The output folder cannot be created or written (exit code 2)."""


class OutputBusy(OutputError):
    """Another run is writing to the output folder (exit code 2)."""


class InputError(PipelineError):
    """One input cannot be read or parsed; the batch goes on without it."""

    #: short machine-readable kind, written to errors.jsonl as ``error_type``
    kind = "InputError"


class EmptyInput(InputError):
    """The input holds no text (empty or whitespace only)."""

    kind = "EmptyInput"


class BinaryInput(InputError):
    """The input is a binary file (image, archive, PDF...) under a text extension."""

    kind = "BinaryInput"


class DecodingError(InputError):
    """The input's bytes cannot be decoded as text in any known encoding."""

    kind = "DecodingError"


class MalformedInput(InputError):
    """The input is not valid JSON/JSONL or lacks a usable text field."""

    kind = "MalformedInput"


class UnsupportedFormat(InputError):
    """The file's extension is not one the pipeline reads."""

    kind = "UnsupportedFormat"


class TooLarge(InputError):
    """The file is larger than the configured maximum size."""

    kind = "TooLarge"


class UnreadableInput(InputError):
    """The file cannot be opened (permissions, vanished, symlink loop...)."""

    kind = "UnreadableInput"


class NonFrenchInput(InputError):
    """The article is not in French and the settings say to skip such articles."""

    kind = "NonFrench"
