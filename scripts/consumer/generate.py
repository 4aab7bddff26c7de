#!/usr/bin/env python3
"""Writes a consumer project from the root README's "Use the library" section and nothing else.

    generate.py README VERSION SNIPPET OUTDIR [BACKENDS_DOC]

SNIPPET is "single" (the one-dependency snippet) or "bom" (the BOM import with the test kit). The project gets
pom.xml (pom.xml.in with the README's dependency snippet), src/main/java/com/example/shop/Main.java (Main.java.in
with the README's imports and code), expected.txt (the exposition the README shows) and args.txt (the README's
request and scrape paths, one per line). The "bom" project also gets the service's own test of the test kit
(OrdersMetricsTest.java.in) and, for it, JUnit: the service's choice, which the README leaves to it. Fails, naming the README part, when the section no longer has the shape
this reads, or when a snippet names a version other than VERSION (the build's).
With BACKENDS_DOC (docs/backends.md), the project takes the other backend the way that page says: the artifact of
its "The one-dependency switch" snippet in place of the README's, and the exposition compared by what it means
(args.txt ends in "samples"), since the README shows the default backend's bytes.
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent
SECTION = "## Use the library"
SENTENCE = re.compile(r"[Aa]fter one `GET ([^`]+)`,\s+`([^`]+)`\s+answers:")
FENCE = re.compile(r"^```([a-z]*)\n(.*?)^```\n", re.M | re.S)
JUNIT = """  <dependency>
    <groupId>org.junit.jupiter</groupId>
    <artifactId>junit-jupiter</artifactId>
    <version>5.10.2</version>
    <scope>test</scope>
  </dependency>
"""
COORDINATE = re.compile(r"dev\.lucidmetrics:[a-z-]+:([^\"']+)")


def fail(message):
    sys.exit(f"generate.py: README.md {message}")


def section(readme):
    start = readme.find(SECTION)
    if start < 0:
        fail(f'has no "{SECTION}" section')
    end = readme.find("\n## ", start + len(SECTION))
    return readme[start:] if end < 0 else readme[start:end]


def blocks(text):
    """(language, body, end offset) of every fenced block, in order."""
    return [(m.group(1), m.group(2), m.end()) for m in FENCE.finditer(text)]


def one(found, what):
    if len(found) != 1:
        fail(f"should have exactly one {what} in {SECTION!r}, has {len(found)}")
    return found[0]


def versions_in(xml_snippet):
    root = ET.fromstring(f"<root>{xml_snippet}</root>")
    return [d.findtext("version") for d in root.iter("dependency")
            if d.findtext("groupId") == "dev.lucidmetrics" and d.findtext("version") is not None]


SWITCH = "## The one-dependency switch"


def switched_artifact(doc_path):
    """The artifactId of the single dependency block under SWITCH in docs/backends.md."""
    doc = pathlib.Path(doc_path).read_text(encoding="utf-8")
    start = doc.find(SWITCH)
    if start < 0:
        sys.exit(f"generate.py: {doc_path} has no {SWITCH!r} section")
    end = doc.find("\n## ", start + len(SWITCH))
    xml = one([b for lang, b, _ in blocks(doc[start:end]) if lang == "xml"], f"xml block under {SWITCH!r}")
    return ET.fromstring(xml).findtext("artifactId")


def main(readme_path, version, snippet, out, backends_doc=None):
    text = section(pathlib.Path(readme_path).read_text(encoding="utf-8"))
    found = blocks(text)
    xml = [b for lang, b, _ in found if lang == "xml"]
    if snippet == "single":
        chosen = one([b for b in xml if "metrics-bom" not in b and "<dependency>" in b],
                     "single-dependency xml block")
    elif snippet == "bom":
        chosen = one([b for b in xml if "metrics-bom" in b], "xml block importing metrics-bom")
    else:
        sys.exit(f"generate.py: SNIPPET must be single or bom, not {snippet!r}")
    try:
        shown = versions_in(chosen)
    except ET.ParseError as e:
        fail(f"{snippet} snippet is not well-formed XML ({e}):\n{chosen}")
    if not shown or any(v != version for v in shown):
        fail(f"{snippet} snippet names version {', '.join(shown) or 'none'}, the build is {version}: "
             f"run scripts/set-version {version}")
    gradle = COORDINATE.findall(text)
    if any(v != version for v in gradle):
        fail(f"Gradle snippet names version {', '.join(sorted(set(gradle)))}, the build is {version}: "
             f"run scripts/set-version {version}")

    java = one([b for lang, b, _ in found if lang == "java"], "java block")
    imports = [line for line in java.splitlines() if line.startswith("import ")]
    code = [line for line in java.splitlines() if not line.startswith("import ")]
    while code and not code[0].strip():
        code.pop(0)

    sentence = SENTENCE.search(text)
    if not sentence:
        fail(f"no longer says \"... after one `GET ...`, `/metrics...` answers:\" in {SECTION!r}")
    after = [b for lang, b, end in found if lang == "" and end > sentence.end()]
    if not after:
        fail("shows no exposition block after \"... answers:\"")

    out = pathlib.Path(out)
    (out / "src/main/java/com/example/shop").mkdir(parents=True, exist_ok=True)
    dependencies = chosen.strip()
    if backends_doc:
        artifact = switched_artifact(backends_doc)
        if "<artifactId>metrics-simpleclient</artifactId>" not in dependencies:
            fail(f"{snippet} snippet names no metrics-simpleclient to replace with {artifact}")
        dependencies = dependencies.replace("<artifactId>metrics-simpleclient</artifactId>",
                                            f"<artifactId>{artifact}</artifactId>")
    if snippet == "single":
        dependencies = "<dependencies>\n" + indent(dependencies, 2) + "\n</dependencies>"
    else:
        if not dependencies.endswith("</dependencies>"):
            fail("BOM snippet should end with its <dependencies> block")
        dependencies = dependencies[:-len("</dependencies>")] + JUNIT + "</dependencies>"
        (out / "src/test/java/com/example/shop").mkdir(parents=True, exist_ok=True)
        (out / "src/test/java/com/example/shop/OrdersMetricsTest.java").write_text(
            (HERE / "OrdersMetricsTest.java.in").read_text(encoding="utf-8"), encoding="utf-8")
    pom = (HERE / "pom.xml.in").read_text(encoding="utf-8")
    (out / "pom.xml").write_text(pom.replace("<!-- @README_DEPENDENCIES@ -->", indent(dependencies, 2).lstrip()),
                                 encoding="utf-8")
    main_java = (HERE / "Main.java.in").read_text(encoding="utf-8")
    main_java = main_java.replace("// @README_IMPORTS@", "\n".join(imports))
    main_java = main_java.replace("// @README_EXAMPLE@", indent("\n".join(code).rstrip(), 8).lstrip())
    (out / "src/main/java/com/example/shop/Main.java").write_text(main_java, encoding="utf-8")
    (out / "expected.txt").write_text(after[0], encoding="utf-8")
    compare = "samples\n" if backends_doc else ""
    (out / "args.txt").write_text(f"{sentence.group(1)}\n{sentence.group(2)}\n{compare}", encoding="utf-8")


def indent(text, spaces):
    return "\n".join((" " * spaces + line) if line.strip() else "" for line in text.splitlines())


if __name__ == "__main__":
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    main(*sys.argv[1:])
