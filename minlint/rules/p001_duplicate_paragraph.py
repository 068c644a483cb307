"""The same paragraph twice in a draft, a sentence repeated, or words left doubled.

What it checks, in each set of minutes of the draft:

- a paragraph or list item whose text is that of an earlier one, after normalising
  whitespace, quotes, dashes, case and a leading bullet (a bullet and the same text
  unbulleted are the same paragraph; a sentence a PDF's reader left broken over lines is
  joined first). A repeat in the same minute is reported; in another minute only a
  substantial one (two sentences, or twice the minimum length), since a one-line
  statement recurs from item to item, unless the two minutes have the same number and
  title (one minute pasted twice). A resolution repeated in the same minute is reported,
  in another minute only when too long to be the same decision taken twice; an outcome
  told in prose ("It was agreed to refer the motion to the Committee for
  consideration.") only when it follows closely. Text found three or more times is a
  formula of these minutes, and a statement followed by the resolution that restates it
  is not a repeat;
- a sentence of at least ``duplicate-min-words`` words found again in another
  paragraph of the same minute (where a reader joined a minute's lines into one
  paragraph, a line pasted twice shows this way; several such sentences are one
  finding), and a sentence repeated within one paragraph;
- words doubled by editing: "was agreed was agreed", "the the", and an article left
  before a pronoun ("the he", what remains of a doubled "the"). Doubled words that are
  good English ("had had", "that that was", "as it is as it is now"), names ("Hasan
  Hasan"), numbers and titles in capitals are not reported, nor a phrase repeated three
  or more times in a row, which is how a PDF renders bold text on slides. The agenda is
  checked for doubled words too: it is the clerk's text as much as the minutes are.

Standard wording (the built-in procedural formulas and ``standard-wording`` in the
configuration) and paragraphs shorter than ``duplicate-min-words`` (default 12) words
are not compared. Only minutes and agenda parts are checked: an officer report in a
pack, extracted from slides, repeats text for layout reasons and is not the clerk's
draft; nor are two different sets of minutes of one pack compared with each other.

Why it matters: a paragraph pasted twice, or a phrase left doubled after an edit, is
the commonest slip in a draft, and the published minutes are the public record.

Example: in a minute on the libraries consultation,

    Members asked whether the mobile library would continue to serve the villages ...
    Councillor J. Sutcliffe asked whether community groups ...
    Members asked whether the mobile library would continue to serve the villages ...

the third paragraph is reported as repeating the one two paragraphs before it.
"""

from __future__ import annotations

from collections.abc import Iterator

from minlint.lint.blocks import TABLE_ROW
from minlint.lint.context import RuleContext
from minlint.lint.findings import Finding
from minlint.lint.model import AgendaPart, MinutesPart
from minlint.lint.registry import rule


@rule(
    code="P001",
    name="duplicate-paragraph",
    category="duplicate",
    severity="error",
    summary="The same paragraph twice in the draft, a sentence repeated, or words doubled.",
)
def check(ctx: RuleContext) -> Iterator[Finding]:
    from minlint.lint.duplicates import (
        StandardWording,
        doubled_phrases,
        exact_duplicates,
        minute_label,
        minutes_blocks,
        part_units,
        quoted,
        repeated_in_minute,
        repeated_sentences,
        twin_minutes,
    )

    min_words = int(ctx.config.threshold("duplicate-min-words"))
    configured = tuple(ctx.config.standard_wording)
    standard = StandardWording(configured)
    for part in ctx.parsed.parts:
        if isinstance(part, MinutesPart):
            blocks = minutes_blocks(part)
            found = part_units(part, configured, min_words)
            paragraphs = exact_duplicates(found, min_words, twin_minutes(part))
            for pair in paragraphs:
                earlier, later = pair.earlier, pair.later
                where = f"line {earlier.line}"
                if earlier.minute != later.minute:
                    where += f" ({minute_label(part, earlier.minute)})"
                message = f"this paragraph repeats the one at {where}"
                related = [ctx.related(ctx.path, earlier.line, "the first occurrence")]
                if len(later.blocks) == 1:
                    block = later.blocks[0]
                    yield ctx.finding_at(block, 0, len(block.text), message, related=related)
                else:
                    yield ctx.finding(later.line, message, end_line=later.end_line, related=related)
            for rep in repeated_in_minute(found, standard, min_words, paragraphs):
                message = f"sentence repeated from line {rep.earlier.line}: {quoted(rep.text)}"
                if rep.count > 1:
                    message = (
                        f"{rep.count} sentences repeated from line {rep.earlier.line}: "
                        f"{quoted(rep.text)} and more"
                    )
                related = [ctx.related(ctx.path, rep.earlier.line, "the first occurrence")]
                if rep.block is not None:
                    yield ctx.finding_at(rep.block, rep.start, rep.end, message, related=related)
                else:
                    yield ctx.finding(rep.later.line, message, related=related)
        elif isinstance(part, AgendaPart):
            blocks = list(part.blocks)
        else:
            continue
        for block in blocks:
            if block.kind == TABLE_ROW:
                continue
            sentences = repeated_sentences(block, standard)
            for r in sentences:
                line = block.locate(r.first)[0]
                yield ctx.finding_at(
                    block,
                    r.start,
                    r.end,
                    f"sentence repeated within the paragraph: {quoted(r.text)}",
                    related=[ctx.related(ctx.path, line, "the first time")],
                )
            for r in doubled_phrases(block):
                if any(s.start <= r.start < s.end for s in sentences):
                    continue
                if r.kind == "garbled":
                    message = f"{quoted(r.text)}: a doubled word half deleted"
                    message += " (an article before a pronoun)"
                else:
                    message = f"words doubled: {quoted(r.text)}"
                yield ctx.finding_at(block, r.start, r.end, message)
