"""Comparing two documents: structural alignment, word diffs, and their renderings.

``align`` aligns two meeting documents (parts, header, minutes, paragraphs, words);
``words`` is the word diff of two strings; ``text``, ``json`` and ``html`` render a
diff. Nothing is imported here, so that a rule using the word diff stays cheap.
"""
