"""docs/tutorial.md read as a build: its steps, the files each step shows whole, its console sessions.

The page's conventions, which this module enforces:
  - a step is a section headed "## N. ...", N from 0 up; the sections before and after the steps are not steps;
  - a file is a fenced block whose info string names its path after the language,
    ```java file=src/main/java/com/example/todo/TodoApp.java
    and it is the whole file as it stands after that step (a later step that does not show it leaves it as is);
    the last line of text before the block names the same path in backticks, for readers (GitHub shows only the
    language);
  - a console block is a session: lines after "$ " are commands run in the project folder, the lines up to the
    next command are what it prints. A session whose command runs `java ... -jar` starts the service: what
    follows is what the service prints at start.
"""
import pathlib
import re
from dataclasses import dataclass, field

FENCE = re.compile(r"^```([A-Za-z]*)([^\n`]*)\n(.*?)^```[ \t]*$", re.M | re.S)
STEP = re.compile(r"^## (\d+)\. ", re.M)
SECTION = re.compile(r"^## ", re.M)
PATH = re.compile(r"[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*")


class PageError(Exception):
    """The page breaks one of its conventions; the message names the line."""


@dataclass
class Block:
    step: int | None   # None: outside the steps
    lang: str
    attrs: dict
    body: str
    line: int          # of the opening fence, 1-based

    @property
    def file(self):
        return self.attrs.get("file")


@dataclass
class Command:
    line: str          # without the "$ "
    expected: list = field(default_factory=list)


@dataclass
class Session:
    step: int
    line: int
    commands: list

    @property
    def starts_service(self):
        return any(is_service(c.line) for c in self.commands)


def is_service(command):
    """The command that starts the service and keeps running: java ... -jar ..."""
    return re.search(r"(^|\s)java\s.*-jar\s", command) is not None


def parse_info(info, line):
    attrs = {}
    for word in info.split():
        key, eq, value = word.partition("=")
        if not eq or not value:
            raise PageError(f"line {line}: {word!r} in a block's info string is not KEY=VALUE")
        attrs[key] = value
    return attrs


def section_steps(text):
    """(offset, step or None) for each section start, in order."""
    marks = [(0, None)]
    for m in SECTION.finditer(text):
        step = STEP.match(text, m.start())
        marks.append((m.start(), int(step.group(1)) if step else None))
    return marks


def blocks(text):
    marks = section_steps(text)
    found = []
    for m in FENCE.finditer(text):
        step = [s for offset, s in marks if offset <= m.start()][-1]
        line = text.count("\n", 0, m.start()) + 1
        block = Block(step, m.group(1), parse_info(m.group(2), line), m.group(3), line)
        if block.file is not None:
            check_file_block(text, m.start(), block)
        found.append(block)
    return found


def check_file_block(text, start, block):
    path = block.file
    if not PATH.fullmatch(path) or any(part in (".", "..") for part in path.split("/")):
        raise PageError(f"line {block.line}: file={path} must be a relative path inside the project")
    if block.step is None:
        raise PageError(f"line {block.line}: the file block {path} is outside the numbered steps")
    before = [line for line in text[:start].splitlines() if line.strip()]
    if not before or f"`{path}`" not in before[-1]:
        raise PageError(f"line {block.line}: the line before the block of {path} must name it as `{path}`, "
                        f"for readers (GitHub does not show the info string)")


def sessions(all_blocks):
    found = []
    for block in all_blocks:
        if block.lang != "console":
            continue
        if block.step is None:
            raise PageError(f"line {block.line}: a console session outside the numbered steps")
        commands = []
        for text in block.body.splitlines():
            if text.startswith("$ "):
                commands.append(Command(text[2:]))
            elif not commands:
                raise PageError(f"line {block.line}: a console block must start with a \"$ \" command")
            else:
                commands[-1].expected.append(text)
        found.append(Session(block.step, block.line, commands))
    return found


class Page:
    def __init__(self, path):
        self.path = pathlib.Path(path)
        self.text = self.path.read_text(encoding="utf-8")
        self.blocks = blocks(self.text)
        self.sessions = sessions(self.blocks)
        self.steps = sorted({b.step for b in self.blocks if b.step is not None})
        if self.steps != list(range(len(self.steps))):
            raise PageError(f"the steps must be numbered 0, 1, 2, ... in order; the page has {self.steps}")
        for step in self.steps:
            files = [b.file for b in self.blocks if b.step == step and b.file]
            twice = sorted({f for f in files if files.count(f) > 1})
            if twice:
                raise PageError(f"step {step} shows {', '.join(twice)} more than once: show each file once a step")

    def files(self, step):
        """{path: content} of the project after `step`: each file as the latest step up to `step` shows it."""
        project = {}
        for block in self.blocks:
            if block.file and block.step <= step:
                project[block.file] = block.body
        return project

    def service_session(self, step):
        """The latest session up to `step` that starts the service (its build and its start command)."""
        starting = [s for s in self.sessions if s.step <= step and s.starts_service]
        if not starting:
            raise PageError(f"no session up to step {step} starts the service (java ... -jar ...)")
        return starting[-1]


def write(page, out):
    """Writes out/step-N, the project after step N, for every step; returns the step folders."""
    folders = []
    for step in page.steps:
        folder = pathlib.Path(out) / f"step-{step}"
        for path, content in page.files(step).items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        folders.append(folder)
    return folders
