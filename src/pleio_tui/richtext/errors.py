"""The one error the rich text package raises."""


class RichTextError(ValueError):
    """A rich text document that cannot be read: malformed JSON or not a Tiptap doc."""
