"""Reading YAML the user edits: line numbers kept, every failure one YamlError.

Used for the catalogue, the saved profile and `--answers` files alike. Mappings and
lists remember the line of each entry (for `file:line` messages); an impossible
date stays text so the caller reports it like any other bad value. Aliases (`*name`)
and merge keys (`<<`) are refused: nobody needs them in these files, and a line of
nested aliases ("billion laughs") would make every later step, down to formatting an
error message, work on an exponentially large value.
"""

from __future__ import annotations

from typing import Any


class LineDict(dict[Any, Any]):
    """A mapping that remembers the line of each key (1-based)."""

    line: int = 0
    lines: dict[Any, int]
    duplicates: list[tuple[Any, int]]


class LineList(list[Any]):
    line: int = 0
    lines: list[int]


class YamlError(ValueError):
    """Text that is not valid YAML: args are (line or None, message)."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(line, message)
        self.line, self.message = line, message


def parse_yaml(text: str, *, unique_keys: bool = False) -> Any:
    """YAML → Python with line numbers; raise YamlError(line, message) on bad YAML.

    `unique_keys`: a key given twice in one mapping is an error (files a person edits,
    where the second silently winning would hide a mistake); otherwise the last one
    wins and `LineDict.duplicates` lists them for the caller to report."""
    import yaml  # PyYAML: only on a cache miss, a profile without its twin, --answers

    def refuse(message: str, mark: Any) -> Any:
        return yaml.constructor.ConstructorError(None, None, message, mark)

    loader_base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(loader_base):  # type: ignore[misc]
        def construct_object(self, node: Any, deep: bool = False) -> Any:
            if node in self.constructed_objects or node in self.recursive_objects:
                raise refuse("aliases (*name) are not allowed; write the value out",
                             node.start_mark)  # the only way a node is seen twice
            # Scalar constructors raise plain errors on e.g. `!!int abc`: report them
            # like any other bad YAML, with their line, not as a crash.
            try:
                return super().construct_object(node, deep=deep)
            except (ValueError, TypeError, OverflowError) as exc:
                raise yaml.constructor.ConstructorError(
                    None, None, f"cannot read {node.value!r} as {node.tag.rsplit(':', 1)[-1]}"
                    f" ({exc})", node.start_mark) from None

    def construct_timestamp(loader: Any, node: Any) -> Any:
        # An impossible date (2026-02-30) stays text, so the schema reports it with its
        # path like a quoted one, instead of the whole file failing to parse.
        try:
            return loader.construct_yaml_timestamp(node)
        except (ValueError, AttributeError):  # AttributeError: `!!timestamp junk`
            return loader.construct_scalar(node)

    def construct_map(loader: Any, node: Any) -> Any:
        data = LineDict()
        data.line, data.lines, data.duplicates = node.start_mark.line + 1, {}, []
        yield data
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise refuse("merge keys (<<) are not allowed; write the keys out",
                             key_node.start_mark)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be plain text", key_node.start_mark) from None
            if key in data:
                if unique_keys:
                    raise refuse(f"'{key}' is given twice (also on line {data.lines[key]})",
                                 key_node.start_mark)
                data.duplicates.append((key, key_node.start_mark.line + 1))
            data[key] = loader.construct_object(value_node, deep=True)
            data.lines[key] = key_node.start_mark.line + 1

    def construct_seq(loader: Any, node: Any) -> Any:
        data = LineList()
        data.line = node.start_mark.line + 1
        data.lines = [n.start_mark.line + 1 for n in node.value]
        yield data
        data.extend(loader.construct_object(n, deep=True) for n in node.value)

    LineLoader.add_constructor("tag:yaml.org,2002:map", construct_map)
    LineLoader.add_constructor("tag:yaml.org,2002:seq", construct_seq)
    LineLoader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    try:
        return yaml.load(text, Loader=LineLoader)  # a SafeLoader subclass: safe
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlError(line, f"not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlError(None, f"not valid YAML: {exc}") from None
    except RecursionError:  # e.g. thousands of nested [ [ [ …
        raise YamlError(None, "not valid YAML: nested too deeply to read") from None
