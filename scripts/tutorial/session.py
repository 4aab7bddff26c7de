"""Runs a step's console sessions as a reader would, and compares what they print with the page.

The service starts with the page's own command (`PORT=8020 java ... -jar target/todo.jar`) in the step's folder,
on a free port instead of 8020; every command runs through bash in that folder, with `localhost:8020` pointed at
that port and the port written back as 8020 in what it prints. The one thing the page cannot know, the reader's
JVM in `java_version="..."`, is left out of the comparison. A scrape of `/metrics` is sent again until it matches
or 10 s pass: the service counts a request a moment after curl has its answer.
"""
import difflib
import os
import re
import signal
import socket
import subprocess
import time

from page import is_service

PAGE_HOST = "localhost:8020"
JAVA_VERSION = re.compile(r'java_version="[^"]*"')
START_SECONDS = int(os.environ.get("APP_START_SECONDS", "60"))   # for the JVM to print its lines, as for the demos
COMMAND_SECONDS = 60    # any one command
SCRAPE_SECONDS = 10     # a scrape that has not counted the last request yet


class Mismatch(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def normalise(lines, port):
    out = [JAVA_VERSION.sub('java_version="..."', line.replace(f"localhost:{port}", PAGE_HOST)).rstrip()
           for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def diff(what, expected, actual):
    lines = difflib.unified_diff(expected, actual, "the page", "what it printed", lineterm="")
    return f"{what}:\n" + "\n".join(lines)


class Service:
    """The step's service, started with the page's command; stopped with its process group."""

    def __init__(self, folder, command, port):
        self.port = port
        self.log = folder / "service.log"
        line = command.line.replace("PORT=8020", f"PORT={port}")
        if line == command.line:
            raise Mismatch(f"the start command does not set PORT=8020, which the test replaces: {command.line}")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(["bash", "-c", line], cwd=folder, stdout=log,
                                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                            start_new_session=True)
        try:
            self.wait_for(command)
        except BaseException:
            self.stop()
            raise

    def printed(self):
        return self.log.read_text(encoding="utf-8", errors="replace").splitlines()

    def wait_for(self, command):
        """Until the service has printed as many lines as the page shows, or exited, or the deadline passed."""
        want = normalise(command.expected, self.port)
        started = time.monotonic()
        while (len(self.printed()) < len(want) and self.process.poll() is None
               and time.monotonic() < started + START_SECONDS):
            time.sleep(0.1)
        got = normalise(self.printed(), self.port)
        if got != want:
            state = (f"exited with status {self.process.returncode}" if self.process.poll() is not None
                     else f"still running after {time.monotonic() - started:.1f} s")
            raise Mismatch(diff(f"$ {command.line} (port {self.port}; the service {state})", want, got))

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)


def run(command, folder, port):
    line = command.replace(PAGE_HOST, f"localhost:{port}")
    done = subprocess.run(["bash", "-c", line], cwd=folder, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=COMMAND_SECONDS)
    return normalise((done.stdout + done.stderr).splitlines(), port)


def replay(session, folder, port):
    """Runs the session's commands in order; the first that prints other than the page says fails."""
    for command in session.commands:
        want = normalise(command.expected, port)
        got = run(command.line, folder, port)
        deadline = time.monotonic() + SCRAPE_SECONDS
        while got != want and "/metrics" in command.line and time.monotonic() < deadline:
            time.sleep(0.1)
            got = run(command.line, folder, port)
        if got != want:
            raise Mismatch(diff(f"$ {command.line} (page line {session.line}, port {port})", want, got))


def start_command(page, step):
    """The java command of the latest session up to `step` that starts the service."""
    return [c for c in page.service_session(step).commands if is_service(c.line)][-1]


def check_step(page, step, folder, build_command):
    """Replays the sessions of `step` in `folder`, against the step's service when one of them needs it."""
    sessions = [s for s in page.sessions if s.step == step]
    for session in [s for s in sessions if s.starts_service]:
        for command in session.commands:
            if command.line != build_command and not is_service(command.line):
                raise Mismatch(f"page line {session.line}: {command.line!r}, in the session that starts the "
                               f"service, is neither the build ({build_command}) nor the start")
    needs_service = any(s.starts_service or any(PAGE_HOST in c.line for c in s.commands) for s in sessions)
    port = free_port()
    service = Service(folder, start_command(page, step), port) if needs_service else None
    try:
        for session in sessions:
            if not session.starts_service:
                replay(session, folder, port)
    finally:
        if service is not None:
            service.stop()
