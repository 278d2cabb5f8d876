"""One normaliser for indexed text and queries, whatever the backend.

The database backends' tokenisers split on spaces and punctuation only, so a Chinese, Japanese or Thai word inside
a sentence is never found, and they fold no accents. Here text is split into words by ICU's dictionary-based word
breaker (``icu4py`` bundles ICU), case- and accent-folded ("Łódź" → "lodz"), and runs of Chinese, Japanese or Thai
characters also give character bigrams, so a word the dictionary splits differently in a query and in a text is
still found. Backends then store and match these tokens verbatim.
"""

import re
import unicodedata

from icu4py.breakers import WordBreaker

# Letters that Unicode does not decompose into a base letter and a combining accent.
FOLDED_LETTERS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "þ": "th", "ð": "d"})
# Scripts written without spaces between words: Han, Hiragana, Katakana, Thai.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]+")
HAN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# What a token is made of: letters and digits, and Thai's combining vowels and tone marks. Apostrophes and
# hyphens split ("n'est" → "n", "est"), as in the backends' own tokenisers.
TOKEN = re.compile(r"[^\W_]+|[\u0e00-\u0e7f]+")
SPACED_TOKEN = re.compile(r"[^\W_]+")
MAX_TOKEN_LENGTH = 60


def fold(word):
    """Lower case without accents: "Zalău" → "zalau". Marks of unspaced scripts (Thai vowels) are kept."""
    if word.isascii():
        return word.lower()
    word = unicodedata.normalize("NFKC", word).casefold().translate(FOLDED_LETTERS)
    if UNSPACED.search(word):
        return "".join(fold(part) if not UNSPACED.fullmatch(part) else part for part in _runs(word))
    decomposed = unicodedata.normalize("NFKD", word)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _runs(text):
    """``text`` cut into alternating runs of unspaced scripts and of everything else."""
    runs, position = [], 0
    for match in UNSPACED.finditer(text):
        if match.start() > position:
            runs.append(text[position : match.start()])
        runs.append(match.group())
        position = match.end()
    if position < len(text):
        runs.append(text[position:])
    return runs


def _words(text):
    """Folded words: split on spaces and punctuation, except in unspaced scripts, where ICU's dictionary-based
    word breaker finds the words (it needs no locale for Chinese, Japanese or Thai)."""
    words = []
    for run in _runs(text):
        if UNSPACED.fullmatch(run):
            folded = unicodedata.normalize("NFKC", run).casefold()
            words.extend(_joined_thai(w for segment in WordBreaker(folded, "en") for w in TOKEN.findall(segment)))
        else:
            words.extend(SPACED_TOKEN.findall(fold(run)))
    return words


def _joined_thai(parts):
    # TOKEN's two alternatives can cut one Thai word where a mark follows a letter; put such pieces back together.
    joined = []
    for part in parts:
        if joined and "\u0e00" <= part[0] <= "\u0e7f" and UNSPACED.fullmatch(joined[-1]) and UNSPACED.fullmatch(part):
            joined[-1] += part
        else:
            joined.append(part)
    return joined


def bigrams(run):
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_tokens(text):
    """The tokens stored for ``text``: its words, plus for unspaced scripts every character bigram of each run
    (and each Chinese or Japanese character, so a one-character query is found)."""
    if not text:
        return []
    folded = fold(text)
    tokens = [word[:MAX_TOKEN_LENGTH] for word in _words(text)]
    for run in UNSPACED.findall(folded):
        tokens.extend(bigrams(run))
        tokens.extend(ch for ch in run if HAN.match(ch))
    return tokens


def query_terms(query):
    """What a query must all match, as phrases of consecutive tokens: each word alone, except in unspaced
    scripts, where a run of two or more characters is looked up as the phrase of its bigrams (they are indexed
    consecutively, so the run must appear as such, whatever the dictionary made of it) and one character as is."""
    folded = fold(query)
    terms = []
    for word in _words(query):
        if not UNSPACED.search(word):
            terms.append((word[:MAX_TOKEN_LENGTH],))
    for run in UNSPACED.findall(folded):
        terms.append(tuple(bigrams(run)) if len(run) > 1 else (run,))
    return list(dict.fromkeys(term for term in terms if term))


def query_tokens(query):
    """Every token of ``query_terms``, in order."""
    return list(dict.fromkeys(token for term in query_terms(query) for token in term))


def highlight_terms(query):
    """Folded words of a query, for marking them in snippets (unspaced runs whole, not as bigrams)."""
    folded = fold(query)
    words = [word for word in _words(query) if not UNSPACED.search(word)]
    return list(dict.fromkeys([*words, *UNSPACED.findall(folded)]))
