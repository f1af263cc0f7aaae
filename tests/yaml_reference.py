"""The plain reading of YAML events into data that catalogue.yamlsafe.parse must agree with.

This is the first, straightforward form of yamlsafe's builder (a stack of open collections, one
check after another for every event). yamlsafe's own loop is tuned for speed; the tests run both
on the same text and require the same data, or the same message at the same place.
"""

from __future__ import annotations

from typing import Any

import yaml

from catalogue import yamlsafe
from catalogue.yamlsafe import MAX_DEPTH, YamlError

_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = ("yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON")
_FALSE = ("no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF")
_BOOL = {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}
_STR_TAGS = ("tag:yaml.org,2002:str", "!")
_NO_KEY = object()


def parse(text: str) -> Any:
    """What yamlsafe.parse must return for `text`, or the YamlError it must raise."""
    loader = yamlsafe.RecordLoader(text)
    try:
        return _build(_events(loader))
    except YamlError:
        raise
    except yaml.reader.ReaderError as exc:
        raise yamlsafe._from_reader(exc, text) from None
    except yaml.MarkedYAMLError as exc:
        raise yamlsafe._from_marked(exc, text) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"not valid YAML: {exc}") from None
    except RecursionError:
        raise YamlError("the data is nested too deeply to be a record") from None
    finally:
        loader.dispose()


def _events(loader: Any) -> Any:
    while loader.check_event():
        yield loader.get_event()


def _at(message: str, event: yaml.Event) -> YamlError:
    return YamlError(message, event.start_mark.line + 1, event.start_mark.column + 1)


def _scalar(event: yaml.ScalarEvent) -> Any:
    if event.tag is not None and event.tag not in _STR_TAGS:
        raise _at(f"the tag {event.tag} is not allowed: write plain values", event)
    if not event.implicit[0] or event.tag is not None:
        return event.value
    value = event.value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if yamlsafe._INT.match(value):
        return int(value)
    if yamlsafe._FLOAT.match(value):
        return float(value)
    return value


def _build(events: Any) -> Any:
    stack: list[Any] = []
    keys: list[Any] = []
    root: Any = None
    documents = 0
    for event in events:
        kind = type(event)
        if kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _at("only one document per file: remove the '---' line", event)
            continue
        if kind is yaml.AliasEvent or getattr(event, "anchor", None):
            raise _at("anchors and aliases (&name, *name) are not allowed: write the value out in full", event)
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.tag is not None and event.tag not in ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
                raise _at(f"the tag {event.tag} is not allowed: write plain values", event)
            if len(stack) >= MAX_DEPTH:
                raise _at(f"the data is nested more than {MAX_DEPTH} levels deep: a record needs a few at most",
                          event)
            stack.append({} if kind is yaml.MappingStartEvent else [])
            keys.append(_NO_KEY)
            continue
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value = stack.pop()
            keys.pop()
        elif kind is yaml.ScalarEvent:
            value = _scalar(event)
        else:
            continue
        if not stack:
            root = value
        elif isinstance(stack[-1], list):
            stack[-1].append(value)
        elif keys[-1] is _NO_KEY:
            keys[-1] = _key(value, stack[-1], event)
        else:
            stack[-1][keys[-1]] = value
            keys[-1] = _NO_KEY
    return root


def _key(value: Any, mapping: dict[Any, Any], event: yaml.Event) -> Any:
    if isinstance(value, (dict, list)):
        raise _at("a key must be a single word or phrase, not a block or list", event)
    if value == "<<":
        raise _at("merge keys (<<) are not allowed: write each field out", event)
    if value in mapping:
        raise _at(f"the key '{value}' appears twice in the same block: keep one", event)
    return value
