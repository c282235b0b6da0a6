"""autonews: automotive-industry news -> validated records of companies, money, stakes, dates,
technologies and deals.

>>> nlp = build_nlp()                                    # doctest: +SKIP
>>> extract_text(nlp, "VW paid $700 million for 4.99% of XPeng.").amounts[0].value  # doctest: +SKIP
Decimal('700000000')
"""

from .extract import extract_article, extract_articles, extract_text
from .pipeline import build_nlp
from .settings import Settings
from .version import __version__

__all__ = ["build_nlp", "extract_article", "extract_articles", "extract_text", "Settings", "__version__"]
