#!/usr/bin/env python3
"""docs/tutorial.md as a build: writes its steps' files, runs its sessions, checks it (scripts/tutorial-test).

    tutorial.py write PAGE DIR            DIR/step-N: every file of the project after step N, as the page shows it
    tutorial.py reactor PAGE DIR          write, plus DIR/pom.xml: one Maven reactor of the steps whose pom.xml or
                                          src/ differ from the step before (each gets its own artifactId, todo-step-N,
                                          the one change, so the reactor can hold them); prints the page's build
                                          command and the module steps
    tutorial.py steps PAGE                the steps that have console sessions, one a line
    tutorial.py session PAGE DIR STEP     runs step STEP's sessions in DIR/step-STEP and compares them with the page
    tutorial.py tests PAGE DIR            every built step with tests ran them (Surefire reports), none failed
    tutorial.py check snippets|panels PAGE
    tutorial.py check readme PAGE README.md
    tutorial.py check example PAGE EXAMPLE_DIR
Exit status 1, with what differs, when a check fails; 2 when the page breaks its own conventions (page.py).
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

import checks
import page as pages
import session as sessions

POM_NS = "{http://maven.apache.org/POM/4.0.0}"


def build_command(page):
    found = {c.line for s in page.sessions if s.starts_service for c in s.commands
             if not pages.is_service(c.line)}
    if len(found) != 1 or not next(iter(found)).startswith("mvn "):
        raise pages.PageError(f"the sessions that start the service should show one build command, mvn ...; "
                              f"they show {sorted(found)}")
    return found.pop()


def maven_inputs(files):
    return {p: c for p, c in files.items() if p == "pom.xml" or p.startswith("src/")}


def module_steps(page):
    """The steps Maven builds: those with a pom.xml whose Maven inputs differ from the step before's."""
    modules, before = [], None
    for step in page.steps:
        inputs = maven_inputs(page.files(step))
        if "pom.xml" in inputs and inputs != before:
            modules.append(step)
        before = inputs
    return modules


def reactor(page, out):
    pages.write(page, out)
    modules = module_steps(page)
    for step in modules:
        rename_artifact(pathlib.Path(out) / f"step-{step}" / "pom.xml", step)
    listed = "\n".join(f"    <module>step-{s}</module>" for s in modules)
    (pathlib.Path(out) / "pom.xml").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- The steps of docs/tutorial.md, built in one Maven run by scripts/tutorial-test. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>tutorial.check</groupId>
  <artifactId>steps</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <modules>
{listed}
  </modules>
</project>
""", encoding="utf-8")
    return modules


def rename_artifact(pom, step):
    """The project's own artifactId (the first one of a POM without a parent) gets the suffix -step-N."""
    text = pom.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    if root.find(POM_NS + "parent") is not None:
        raise pages.PageError("the page's pom.xml has a <parent>: the reader's project should stand alone")
    own = root.findtext(POM_NS + "artifactId")
    renamed = re.sub(rf"<artifactId>{re.escape(own)}</artifactId>", f"<artifactId>{own}-step-{step}</artifactId>",
                     text, count=1)
    pom.write_text(renamed, encoding="utf-8")


def surefire(page, out):
    problems = []
    for step in module_steps(page):
        folder = pathlib.Path(out) / f"step-{step}"
        tests = [p for p in page.files(step) if p.startswith("src/test/") and p.endswith(".java")]
        if not tests:
            continue
        reports = list((folder / "target/surefire-reports").glob("TEST-*.xml"))
        ran = sum(int(ET.parse(r).getroot().get("tests", 0)) for r in reports)
        bad = sum(int(ET.parse(r).getroot().get(k, 0)) for r in reports for k in ("failures", "errors"))
        skipped = sum(int(ET.parse(r).getroot().get("skipped", 0)) for r in reports)
        print(f"step {step}: {ran} tests ran, {bad} failed, {skipped} skipped")
        if ran == 0 or bad or skipped:
            problems.append(f"step {step} shows {', '.join(tests)}: {ran} tests ran, {bad} failed, {skipped} skipped")
    return problems


def main(args):
    command = args[0]
    problems = []
    if command == "check":
        if args[1] not in ("snippets", "panels", "readme", "example"):
            sys.exit(__doc__)
        problems = getattr(checks, args[1])(pages.Page(args[2]), *args[3:])
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    page = pages.Page(args[1])
    if command == "write":
        for folder in pages.write(page, args[2]):
            print(folder)
    elif command == "reactor":
        modules = reactor(page, args[2])
        print(build_command(page))
        print(" ".join(f"step-{s}" for s in modules))
    elif command == "steps":
        print("\n".join(str(s) for s in sorted({s.step for s in page.sessions})))
    elif command == "session":
        step = int(args[3])
        try:
            sessions.check_step(page, step, pathlib.Path(args[2]) / f"step-{step}", build_command(page))
        except sessions.Mismatch as e:
            problems.append(str(e))
    elif command == "tests":
        problems = surefire(page, args[2])
    else:
        sys.exit(__doc__)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    try:
        sys.exit(main(sys.argv[1:]))
    except pages.PageError as e:
        print(f"docs/tutorial.md: {e}", file=sys.stderr)
        sys.exit(2)
