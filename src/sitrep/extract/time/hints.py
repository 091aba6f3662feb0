"""Date clues outside the text: the article's URL, and a year given by the user.

News sites put the publication date in the path of most article URLs
(``/2019/04/02/syria-baghouz``, ``/news/2019-04-02-...``, ``/20190402/``).  When the input carries no
date, that date is the best anchor after the input's own fields: it was set by the publisher, not
guessed.  A URL that shows only a year (``/2019/syria-...``) and the user's ``year_hint`` option both
let a year-less dateline ("BEIRUT, March 4 (Reuters) -") count; nothing here uses today's date.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from sitrep.records import Article

# Dates only count as path segments (or a whole segment's leading part) so that ids and query strings
# that merely contain digits ("/article/20190402123456", "?id=2019") are not read as dates.
_PATH_YMD = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])(?=/|$|[-_.])"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?=/|$|[-_.])"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=/|$|[-_.])"),
)
_PATH_YEAR = re.compile(r"/(?P<y>(?:19|20)\d\d)(?=/)")


def url_date(url: str | None) -> tuple[dt.date | None, int | None]:
    """(date, year) read from the path of ``url``: a full date when the path has one, else only the
    year of a ``/YYYY/`` segment; (None, None) when it has neither or is not a URL."""
    if not url:
        return None, None
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None, None
    for rx in _PATH_YMD:
        m = rx.search(path)
        if m:
            try:
                day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                continue
            return day, day.year
    m = _PATH_YEAR.search(path)
    return None, (int(m["y"]) if m else None)


def year_hint_for(article: Article, option_year: int | None = None) -> int | None:
    """The year a year-less dateline of ``article`` belongs to: the URL's year, else the user's
    ``year_hint`` option, else None."""
    _, year = url_date(article.url)
    return year if year is not None else option_year
