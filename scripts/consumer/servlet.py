#!/usr/bin/env python3
"""Writes a consumer project from the "Jakarta Servlet containers" section of docs/instrumentations.md alone.

    servlet.py PAGE VERSION OUTDIR

The project gets pom.xml (servlet-pom.xml.in with the section's dependency block, plus Jetty: the service's own
choice of container, which the page leaves to it), src/main/java/com/example/shop/Main.java (ServletMain.java.in
with the section's code) and expected.txt (the exposition lines the section shows). Fails, naming what is missing,
when the section no longer has that shape or a snippet names a version other than VERSION.
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent
SECTION = "## Jakarta Servlet containers"
FENCE = re.compile(r"^```([a-z]*)\n(.*?)^```\n", re.M | re.S)


def fail(message):
    sys.exit(f"servlet.py: docs/instrumentations.md {message}")


def first(blocks, language, what):
    found = [body for lang, body in blocks if lang == language]
    if not found:
        fail(f"has no {what} in {SECTION!r}")
    return found[0]


def main(page, version, out):
    text = pathlib.Path(page).read_text(encoding="utf-8")
    start = text.find(SECTION)
    if start < 0:
        fail(f"has no {SECTION!r} section")
    end = text.find("\n## ", start + len(SECTION))
    blocks = [(m.group(1), m.group(2)) for m in FENCE.finditer(text[start:end if end > 0 else None])]
    xml = first(blocks, "xml", "xml dependency block")
    try:
        deps = ET.fromstring(f"<root>{xml}</root>").findall("dependency")
    except ET.ParseError as e:
        fail(f"dependency block is not well-formed XML ({e})")
    artifacts = [d.findtext("artifactId") for d in deps]
    if "metrics-servlet" not in artifacts:
        fail(f"dependency block names {artifacts}, not metrics-servlet")
    wrong = [d.findtext("version") for d in deps if d.findtext("version") != version]
    if wrong:
        fail(f"dependency block names version {wrong}, the build is {version}: run scripts/set-version {version}")
    code = first(blocks, "java", "java block")
    lines = first(blocks, "", "exposition block")

    out = pathlib.Path(out)
    (out / "src/main/java/com/example/shop").mkdir(parents=True, exist_ok=True)
    pom = (HERE / "servlet-pom.xml.in").read_text(encoding="utf-8")
    (out / "pom.xml").write_text(pom.replace("<!-- @PAGE_DEPENDENCIES@ -->", xml.strip()), encoding="utf-8")
    main_java = (HERE / "ServletMain.java.in").read_text(encoding="utf-8")
    body = "\n".join(("        " + line) if line.strip() else "" for line in code.rstrip().splitlines())
    (out / "src/main/java/com/example/shop/Main.java").write_text(
        main_java.replace("        // @PAGE_EXAMPLE@", body), encoding="utf-8")
    (out / "expected.txt").write_text(lines, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
