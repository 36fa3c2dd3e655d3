"""Inline Tiptap content (text, marks, breaks, mentions) as Markdown."""

from dataclasses import dataclass

from pleio_tui.richtext.document import Node, attr_text, children, marks, node_text, node_type
from pleio_tui.richtext.links import usable_link
from pleio_tui.richtext.markdown_escape import (
    escape_destination,
    escape_inline,
    escape_line_start,
    escape_title,
)
from pleio_tui.richtext.markdown_reader import inline_markdown_to_nodes
from pleio_tui.richtext.terminal import terminal_safe, terminal_safe_line

BOLD = ("bold",)
ITALIC = ("italic",)
EMPHASIS = frozenset({BOLD, ITALIC})
# A mark as Markdown knows it: ("bold",), ("italic",) or ("link", href, title).
Mark = tuple[str, ...]


@dataclass(frozen=True)
class Atom:
    """A run of text with the same marks, or a line break (text None)."""

    text: str | None
    marks: tuple[Mark, ...] = ()


BREAK = Atom(None)


def inline_to_markdown(nodes: list[Node], *, breaks: bool = True) -> str:
    """Markdown for inline nodes; with breaks=False (headings, cells) a break is a space."""
    atoms = _normalize(_atoms(nodes, ()), breaks=breaks)
    markdown = _emit(atoms)
    if any(mark in EMPHASIS for atom in atoms for mark in atom.marks) and (
        _normalize(_atoms(inline_markdown_to_nodes(markdown), ()), breaks=breaks) != atoms
    ):
        # Some emphasis cannot be written with delimiters (CommonMark's flanking rules):
        # keep the words and the links rather than garble the text.
        plain = [Atom(a.text, tuple(m for m in a.marks if m not in EMPHASIS)) for a in atoms]
        markdown = _emit(_normalize(plain, breaks=breaks))
    return markdown


def _mark_of(mark: Node) -> Mark | None:
    kind = node_type(mark)
    if kind == "bold":
        return BOLD
    if kind == "italic":
        return ITALIC
    if kind == "link":
        target = usable_link(attr_text(mark, "href"))
        if target:
            return ("link", target, terminal_safe_line(attr_text(mark, "title")))
    return None  # underline has no Markdown; unknown marks keep their text


def _atoms(nodes: list[Node], inherited: tuple[Mark, ...]) -> list[Atom]:
    atoms: list[Atom] = []
    for node in nodes:
        kind = node_type(node)
        own = tuple(m for m in (_mark_of(mark) for mark in marks(node)) if m is not None)
        node_marks = _canonical(inherited + own)
        if kind == "hardBreak":
            atoms.append(BREAK)
        elif kind == "mention":
            label = terminal_safe(attr_text(node, "label"))
            if label:
                atoms.append(Atom("@" + label, node_marks))
        elif kind == "image":
            alt = terminal_safe(attr_text(node, "alt"))
            if alt:
                atoms.append(Atom(alt, node_marks))
        elif "text" in node:
            # Cleaned first: a control character must not hide a block marker from escaping.
            lines = terminal_safe(node_text(node)).split("\n")
            for number, line in enumerate(lines):
                if number:
                    atoms.append(BREAK)
                atoms.append(Atom(line, node_marks))
        else:
            atoms.extend(_atoms(children(node), node_marks))
    return atoms


def _canonical(mark_list: tuple[Mark, ...]) -> tuple[Mark, ...]:
    """Each mark once, links outermost, then bold, then italic."""
    unique = dict.fromkeys(mark_list)
    links = [mark for mark in unique if mark[0] == "link"][:1]
    return (*links, *(mark for mark in (BOLD, ITALIC) if mark in unique))


def _normalize(atoms: list[Atom], *, breaks: bool) -> list[Atom]:
    """The atoms as Markdown can say them: trimmed lines, emphasis never starting on a blank."""
    if not breaks:
        atoms = [Atom(" ", ()) if atom.text is None else atom for atom in atoms]
    lines: list[list[Atom]] = [[]]
    for atom in atoms:
        if atom.text is None:
            lines.append([])
        elif atom.text:
            lines[-1].append(atom)
    last = len(lines) - 1
    trimmed = [_trim_line(line, first=n == 0, last=n == last) for n, line in enumerate(lines)]
    while trimmed and not trimmed[0]:
        trimmed.pop(0)
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    result: list[Atom] = []
    for number, line in enumerate(trimmed):
        if number:
            result.append(BREAK)
        result.extend(_merge(_hoist_blanks(line)))
    return result


def _trim_line(line: list[Atom], *, first: bool, last: bool) -> list[Atom]:
    """Markdown drops blanks at a paragraph's ends, spaces before a break, and indentation."""
    atoms = _merge(line)
    while atoms:
        head = atoms[0].text or ""
        head = head.lstrip() if first else head.lstrip(" \t")
        if head:
            atoms[0] = Atom(head, atoms[0].marks)
            break
        atoms.pop(0)
    while atoms:
        tail = atoms[-1].text or ""
        tail = tail.rstrip() if last else tail.rstrip(" ")
        if tail:
            atoms[-1] = Atom(tail, atoms[-1].marks)
            break
        atoms.pop()
    return atoms


def _hoist_blanks(line: list[Atom]) -> list[Atom]:
    """Emphasis may not open before or close after whitespace: move the blanks outside it."""
    out: list[Atom] = []
    for index, atom in enumerate(line):
        text = atom.text or ""
        before = line[index - 1].marks if index else ()
        after = line[index + 1].marks if index + 1 < len(line) else ()
        core = text.strip()
        if not core:
            kept = (m for m in atom.marks if m not in EMPHASIS or (m in before and m in after))
            out.append(Atom(text, tuple(kept)))
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        if lead:
            out.append(Atom(lead, tuple(m for m in atom.marks if m not in EMPHASIS or m in before)))
        out.append(Atom(core, atom.marks))
        if trail:
            out.append(Atom(trail, tuple(m for m in atom.marks if m not in EMPHASIS or m in after)))
    return out


def _merge(atoms: list[Atom]) -> list[Atom]:
    merged: list[Atom] = []
    for atom in atoms:
        if (
            merged
            and merged[-1].marks == atom.marks
            and merged[-1].text is not None
            and atom.text is not None
        ):
            merged[-1] = Atom((merged[-1].text or "") + (atom.text or ""), atom.marks)
        else:
            merged.append(atom)
    return merged


def _emit(atoms: list[Atom]) -> str:
    parts: list[str] = []
    open_marks: list[Mark] = []
    at_line_start = True
    for atom in atoms:
        if atom.text is None:
            # Marks close before the break: a closing delimiter may not start a line.
            while open_marks:
                parts.append(_closer(open_marks.pop()))
            parts.append("\\\n")
            at_line_start = True
            continue
        target = list(atom.marks)
        shared = 0
        while shared < min(len(open_marks), len(target)) and open_marks[shared] == target[shared]:
            shared += 1
        while len(open_marks) > shared:
            parts.append(_closer(open_marks.pop()))
        for mark in target[shared:]:
            if mark[0] == "link" and parts and parts[-1].endswith("!"):
                parts[-1] = parts[-1][:-1] + "\\!"  # "![" would open an image
            parts.append(_opener(mark))
            open_marks.append(mark)
            at_line_start = False
        text = escape_inline(atom.text or "")
        parts.append(escape_line_start(text) if at_line_start else text)
        at_line_start = False
    while open_marks:
        parts.append(_closer(open_marks.pop()))
    return "".join(parts)


def _opener(mark: Mark) -> str:
    if mark[0] == "link":
        return "["
    return "**" if mark == BOLD else "*"


def _closer(mark: Mark) -> str:
    if mark[0] == "link":
        title = f' "{escape_title(mark[2])}"' if mark[2] else ""
        return f"]({escape_destination(mark[1])}{title})"
    return "**" if mark == BOLD else "*"
