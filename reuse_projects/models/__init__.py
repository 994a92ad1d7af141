from .properties import (
    Property,
    PropertyDocument,
    PropertyEvent,
    PropertyPhoto,
    SuitableUse,
    TaggedSuitableUse,
)

__all__ = ["Property", "PropertyDocument", "PropertyEvent", "PropertyPhoto", "SuitableUse", "TaggedSuitableUse"]
