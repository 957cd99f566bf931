"""Offset helpers shared by the evaluation scripts."""


def utf16_index(text):
    """Maps UTF-16 offsets (what the analysis uses) to str (code point) indices of text."""
    out = []
    for i, ch in enumerate(text):
        out.append(i)
        if ord(ch) > 0xFFFF:
            out.append(i)
    out.append(len(text))
    return out
