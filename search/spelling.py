""" "Did you mean": a query with few or no results, its misspelt words replaced by words the index holds.

Neither modelsearch's database backends nor our own full-text tables (``search.fulltext``) keep a vocabulary that
can be asked for near words, and Elasticsearch is optional. The vocabulary here is the words of the titles and
summaries of the entries readable in the visitor's language, and the themes' names in it: what a visitor is likely
to look for (city, project and place names, the network's subjects), in the spelling the site writes them. It is
built when a search first needs it and kept for the content generation (``pagecache.fragments``).

A word of the query that the vocabulary lacks is replaced by the most frequent word that either starts with it
(``clermon`` → Clermont) or is one or two edits away (``mobilty`` → mobility, ``regensbrug`` → Regensburg);
accents need no correction, as queries and texts are both folded (``search.normalise``).
"""

import re
from collections import Counter

from citypages.models import Theme
from pagecache.fragments import for_generation

from .models import SearchEntry
from .normalise import UNSPACED, fold

WORD = re.compile(r"[^\W_]+")
MIN_WORD = 3  # shorter words are too often right and too ambiguous to correct
VOCABULARY_ENTRIES = 20000  # the newest entries of a language; older ones rarely hold a word the newer lack


def _surface_words(text):
    """The words of ``text`` as written, without those of unspaced scripts (no typo rule fits them)."""
    return [word for word in WORD.findall(text or "") if not UNSPACED.search(word)]


def build_vocabulary(language):
    """{folded word: (number of entries holding it, its most frequent written form)}."""
    entries = Counter()
    forms = {}
    texts = SearchEntry.objects.filter(language=language).order_by("-date").values_list("title", "summary")
    names = Theme.objects.filter(locale__language_code=language).values_list("name", flat=True)
    for text in [*(f"{title} {summary}" for title, summary in texts[:VOCABULARY_ENTRIES]), *names]:
        seen = set()
        for word in _surface_words(text):
            folded = fold(word)
            if len(folded) < MIN_WORD or folded.isdigit():
                continue
            forms.setdefault(folded, Counter())[word] += 1
            seen.add(folded)
        entries.update(seen)
    return {word: (count, _preferred_form(forms[word])) for word, count in entries.items()}


def _preferred_form(written):
    # The form written most often, lower case on a tie (a word capitalised at the start of titles is still a word).
    return max(written.items(), key=lambda item: (item[1], item[0].islower()))[0]


def vocabulary(language):
    return for_generation("search-vocabulary", (language,), lambda: build_vocabulary(language))


def edit_distance(a, b, limit):
    """Damerau-Levenshtein distance (adjacent transpositions count one), or ``limit + 1`` once it is exceeded."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
    return current[-1]


def correction(word, words):
    """The vocabulary's best replacement for the folded ``word`` absent from it, or None: the fewest edits (a word
    it begins counts as one), then the most entries."""
    limit = 1 if len(word) <= 5 else 2
    best = None
    for candidate, (count, _form) in words.items():
        if candidate.startswith(word):
            distance = 1
        elif abs(len(candidate) - len(word)) > limit or (candidate[0] != word[0] and candidate[1:2] != word[1:2]):
            continue
        else:
            distance = edit_distance(word, candidate, limit)
            if distance > limit:
                continue
        rank = (distance, -count, candidate)
        if best is None or rank < best[0]:
            best = (rank, candidate)
    return best[1] if best else None


def did_you_mean(query, language):
    """``query`` with each word the vocabulary lacks replaced by its correction, or None when nothing changes."""
    words = vocabulary(language)
    if not words:
        return None
    changed = False

    def replace(match):
        nonlocal changed
        written = match.group(0)
        folded = fold(written)
        if UNSPACED.search(written) or len(folded) < MIN_WORD or folded.isdigit() or folded in words:
            return written
        better = correction(folded, words)
        if better is None:
            return written
        changed = True
        return words[better][1]

    suggested = WORD.sub(replace, query)
    return suggested if changed else None
