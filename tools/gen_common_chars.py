#!/usr/bin/env python3
"""Writes src/search/jieba/common_chars.txt, the Han characters the search tokeniser
counts pairs of in its grid, from jieba's word list (src/search/jieba/dict.txt): each
word's characters counted by the word's frequency, most frequent first, 64 a line.

    python3 tools/gen_common_chars.py > src/search/jieba/common_chars.txt

Only speed depends on this list: a pair with a character outside it is counted in a
hash table instead, with the same result.
"""
import collections
import os
import sys

COUNT = 4096

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "src", "search", "jieba", "dict.txt")
    frequency = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) < 2:
                continue
            for c in fields[0]:
                if "\u4e00" <= c <= "\u9fff":
                    frequency[c] += int(fields[1])
    ranked = "".join(c for c, _ in frequency.most_common(COUNT))
    for start in range(0, len(ranked), 64):
        sys.stdout.write(ranked[start:start + 64] + "\n")

if __name__ == "__main__":
    main()
