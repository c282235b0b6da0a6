"""Articles in, records out: runs the pipeline and assembles the validated ``ArticleRecord``."""

from __future__ import annotations

from collections import deque
from datetime import date
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .ingest import Article, text_id
from .schema import ArticleRecord
from .version import __version__


def _prepared(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.autonews_published = article.published
    return doc


def record_from_doc(doc: Doc, article: Article) -> ArticleRecord:
    return ArticleRecord(
        id=article.id,
        source=article.source,
        title=article.title,
        published=article.published.isoformat() if article.published else None,
        extractor_version=__version__,
        companies=doc._.autonews_companies or [],
        dates=doc._.autonews_dates or [],
        stakes=doc._.autonews_stakes or [],
        amounts=doc._.autonews_amounts or [],
        technologies=doc._.autonews_technologies or [],
        deals=doc._.autonews_deals or [],
        deal_signals=doc._.autonews_deal_signals or [],
    )


def extract_article(nlp: Language, article: Article) -> ArticleRecord:
    """One article -> one record."""
    return record_from_doc(nlp(_prepared(nlp, article)), article)


def extract_articles(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[ArticleRecord]:
    """Many articles through ``nlp.pipe``, in input order."""
    pending: deque[Article] = deque()

    def docs() -> Iterator[Doc]:
        for article in articles:
            pending.append(article)
            yield _prepared(nlp, article)

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield record_from_doc(doc, pending.popleft())


def extract_text(nlp: Language, text: str, published: date | None = None, source: str = "-") -> ArticleRecord:
    """Convenience for library users: a plain string -> record."""
    return extract_article(nlp, Article(id=text_id(text), text=text, source=source, published=published))
