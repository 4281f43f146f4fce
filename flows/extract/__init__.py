"""The extractor: pure functions from raw documents to mentions, partnerships and sales."""

from flows.extract.extractor import Extractor, extract_batch
from flows.extract.reference import Reference, load_reference
from flows.settings import EXTRACTOR_VERSION

__all__ = ["EXTRACTOR_VERSION", "Extractor", "Reference", "extract_batch", "load_reference"]
