"""The series selectors of a PromQL expression, for asking which metric families a panel or a rule reads.

    selectors('sum by (code) (rate(x_total{job="a", code=~"5.."}[5m])) / ignoring(code) y')
    -> [Selector("x_total", (("job", "=", "a"), ("code", "=~", "5.."))), Selector("y", ())]

A small tokenizer, not a full parser: enough for the expressions of the stack's dashboards and rules (functions,
aggregations with by/without, vector matching with on/ignoring/group_*, ranges, offsets, numbers, strings). An
expression it cannot read raises ValueError naming the expression, so a new construct fails loudly instead of
being read wrong. Only the standard library.
"""
import re
from typing import NamedTuple

KEYWORDS = {"and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "group_left",
            "group_right", "inf", "nan"}
# Aggregation operators: `sum by (le) (...)` puts the label list between the name and its parenthesis.
AGGREGATIONS = {"sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
                "quantile"}
LABEL_LISTS = {"by", "without", "on", "ignoring", "group_left", "group_right"}  # followed by (label, ...)
_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)
  | (?P<range>\[[^\]]*\])
  | (?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?:ms|[smhdwy])?|\.\d+)
  | (?P<ident>[a-zA-Z_:][a-zA-Z0-9_:]*)
  | (?P<matchop>=~|!~|!=)
  | (?P<op>==|>=|<=|[-+*/%^<>=,@])
  | (?P<open>[({])
  | (?P<close>[)}])
""", re.X)


class Selector(NamedTuple):
    name: str  # the metric name before the braces; "" when only matchers select (a __name__ matcher)
    matchers: tuple  # ((label, op, value), ...), op one of = != =~ !~


def tokens(expr):
    pos, out = 0, []
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if not m:
            raise ValueError(f"cannot read PromQL at {expr[pos:pos + 20]!r} in {expr!r}")
        if m.lastgroup != "ws":
            out.append((m.lastgroup, m.group()))
        pos = m.end()
    return out


def _unquote(s):
    return s[1:-1] if s[0] == "`" else re.sub(r"\\(.)", r"\1", s[1:-1])


def _matchers(toks, i, expr):
    """Reads label matchers after '{' at toks[i]; returns (matchers, index after '}')."""
    out, i = [], i + 1
    while toks[i] != ("close", "}"):
        try:
            (k1, label), (k2, op), (k3, value) = toks[i:i + 3]
        except ValueError:
            raise ValueError(f"unterminated selector in {expr!r}") from None
        if k1 != "ident" or op not in ("=", "!=", "=~", "!~") or k3 != "str":
            raise ValueError(f"cannot read the label matcher {label} {op} {value} in {expr!r}")
        out.append((label, op, _unquote(value)))
        i += 3
        if toks[i] == ("op", ","):
            i += 1
    return tuple(out), i + 1


def selectors(expr):
    """Every series selector of expr, in order."""
    toks, out, i = tokens(expr), [], 0
    toks.append(("end", ""))
    while toks[i][0] != "end":
        kind, text = toks[i]
        if kind == "ident" and text.lower() in LABEL_LISTS and toks[i + 1] == ("open", "("):
            while toks[i] != ("close", ")"):  # a label list, not selectors
                if toks[i][0] == "end":
                    raise ValueError(f"unterminated label list in {expr!r}")
                i += 1
            i += 1
        elif kind == "ident" and text.lower() == "offset":
            i += 2  # the duration after it
        elif kind == "ident" and (text.lower() in KEYWORDS | AGGREGATIONS or toks[i + 1] == ("open", "(")):
            i += 1  # an operator keyword, an aggregation, or a function
        elif kind == "ident":
            matchers, i = _matchers(toks, i + 1, expr) if toks[i + 1] == ("open", "{") else ((), i + 1)
            out.append(Selector(text, matchers))
        elif (kind, text) == ("open", "{"):
            matchers, i = _matchers(toks, i, expr)
            out.append(Selector("", matchers))
        else:
            i += 1
    return out


def _full_match(pattern, value):
    return re.fullmatch(pattern, value) is not None


def matches_value(op, pattern, value):
    """Whether a label matcher accepts value (Prometheus regexes are anchored at both ends)."""
    return {"=": value == pattern, "!=": value != pattern, "=~": _full_match(pattern, value),
            "!~": not _full_match(pattern, value)}[op]
