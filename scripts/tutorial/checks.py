"""Checks of the page that need no build: each returns a list of problems (empty: the check passed).

  snippets  every short code block of a step (no file=) is part of that step's files, indentation aside
  panels    the promql blocks are the dashboard's panel queries, and the rule test evaluates the first one
  readme    the pom.xml holds the dependency snippet of the README's "Use the library" section (the BOM one)
  example   the files of the last step are examples/todo's, the package line aside, and examples/todo has no
            main class or Prometheus/Grafana file the page does not show
"""
import difflib
import json
import pathlib
import re
import xml.etree.ElementTree as ET

import yaml

SNIPPET_LANGS = ("java", "xml", "yaml")
POM_NS = "{http://maven.apache.org/POM/4.0.0}"
EXAMPLE_PACKAGE = "dev.lucidmetrics.examples.todo"
PAGE_PACKAGE = "com.example.todo"


def contains(text, snippet):
    """`snippet`'s lines appear in `text` one after another, all indented by the same amount, or not at all."""
    lines = [line.rstrip() for line in text.splitlines()]
    want = [line.rstrip() for line in snippet.strip("\n").splitlines()]
    cut = min((len(w) - len(w.lstrip()) for w in want if w), default=0)
    want = [w[cut:] for w in want]
    for i in range(len(lines) - len(want) + 1):
        indent = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
        if all(got == (indent + w if w else "") for got, w in zip(lines[i:i + len(want)], want)):
            return True
    return False


def snippets(page):
    problems = []
    for block in page.blocks:
        if block.step is None or block.file or block.lang not in SNIPPET_LANGS:
            continue
        files = page.files(block.step)
        if not any(contains(content, block.body) for content in files.values()):
            problems.append(f"line {block.line}: this {block.lang} block of step {block.step} is in none of the "
                            f"step's files ({', '.join(sorted(files))}):\n{block.body}")
    return problems


def panels(page):
    last = page.steps[-1]
    files = page.files(last)
    boards = {p: json.loads(c) for p, c in files.items() if p.endswith(".json")}
    if len(boards) != 1:
        return [f"the page should show one dashboard (.json file), it shows {sorted(boards)}"]
    board = next(iter(boards.values()))
    queries = [t["expr"] for p in board.get("panels", []) for t in p.get("targets", [])]
    shown = [b.body.strip() for b in page.blocks if b.lang == "promql"]
    problems = []
    if sorted(queries) != sorted(shown):
        problems.append(f"the promql blocks {shown} are not the dashboard's panel queries {queries}")
    tested = [t.get("expr") for p, c in files.items() if p.endswith(".test.yml")
              for case in yaml.safe_load(c).get("tests", []) for t in case.get("promql_expr_test", [])]
    if queries and queries[0] not in tested:
        problems.append(f"no promql_expr_test of the rule test evaluates the first panel's query {queries[0]}")
    return problems


def dependencies(element):
    """(groupId, artifactId, version, type, scope) of each <dependency> under element."""
    def text(d, name):
        return (d.findtext(POM_NS + name) or d.findtext(name) or "").strip()
    return {tuple(text(d, n) for n in ("groupId", "artifactId", "version", "type", "scope"))
            for d in element.iter() if d.tag in (POM_NS + "dependency", "dependency")}


def readme(page, readme_path):
    text = pathlib.Path(readme_path).read_text(encoding="utf-8")
    section = text[text.index("## Use the library"):]
    section = section[:section.find("\n## ", 3)]
    snippets_found = [m.group(1) for m in re.finditer(r"^```xml\n(.*?)^```", section, re.M | re.S)
                      if "metrics-bom" in m.group(1)]
    if len(snippets_found) != 1:
        return [f"README.md's \"Use the library\" should have one xml block importing metrics-bom, "
                f"has {len(snippets_found)}"]
    wanted = dependencies(ET.fromstring(f"<root>{snippets_found[0]}</root>"))
    pom = page.files(page.steps[-1]).get("pom.xml")
    if pom is None:
        return ["the page shows no pom.xml"]
    missing = wanted - dependencies(ET.fromstring(pom))
    return [f"the page's pom.xml lacks the README's {':'.join(filter(None, d))}" for d in sorted(missing)]


def example(page, example_dir):
    example_dir = pathlib.Path(example_dir)
    files = page.files(page.steps[-1])
    problems = []
    for path, content in sorted(files.items()):
        if path == "pom.xml":
            continue   # the example's pom is a module of this repository's build
        theirs = example_dir / path.replace(PAGE_PACKAGE.replace(".", "/"), EXAMPLE_PACKAGE.replace(".", "/"))
        if not theirs.is_file():
            problems.append(f"{path}: examples/todo has no {theirs.relative_to(example_dir)}")
            continue
        mine = content.replace(f"package {PAGE_PACKAGE};", f"package {EXAMPLE_PACKAGE};", 1)
        if mine != theirs.read_text(encoding="utf-8"):
            lines = difflib.unified_diff(mine.splitlines(), theirs.read_text(encoding="utf-8").splitlines(),
                                         "the page", "examples/todo", lineterm="", n=1)
            problems.append(f"{path}: the page's file differs from examples/todo/{theirs.relative_to(example_dir)}:\n"
                            + "\n".join(list(lines)[:20]))
    main = example_dir / "src/main/java" / EXAMPLE_PACKAGE.replace(".", "/")
    shown = {pathlib.Path(p).name for p in files}
    for extra in sorted(list(main.glob("*.java")) + list(example_dir.glob("prometheus/*"))
                        + list(example_dir.glob("grafana/*"))):
        if extra.name not in shown:
            problems.append(f"examples/todo/{extra.relative_to(example_dir)} is not on the page")
    return problems
