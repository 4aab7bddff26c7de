#!/usr/bin/env python3
"""Checks on what `mvn deploy` put in a file repository, for scripts/consumer-test. Each prints what it found and
exits non-zero with the reason when the check fails.

    inspect.py artifacts REPO VERSION ROOT   exactly the published artifacts: parent, metrics-core,
                                             metrics-simpleclient, metrics-client-java, metrics-testing, metrics-bom;
                                             each jar with sources and javadoc jars; checksums
    inspect.py poms REPO VERSION             the metadata Maven Central requires, on every published POM; the BOM
                                             manages exactly the published jars, imports client_java's own BOM (the
                                             one version metrics-client-java is built on) and has no parent
    inspect.py manifests REPO VERSION        Automatic-Module-Name, Implementation-Version and META-INF/LICENSE
    inspect.py origin LOCAL_REPO             every dev.lucidmetrics file in a consumer's local repository came from
                                             the file repository (id lucid-local), none from anywhere else
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

GROUP = "dev/lucidmetrics"
PUBLISHED = {"lucid-metrics-parent": "pom", "metrics-core": "jar", "metrics-simpleclient": "jar",
             "metrics-client-java": "jar", "metrics-testing": "jar", "metrics-servlet": "jar", "metrics-logging": "jar",
             "metrics-bom": "pom"}
# Attached files published besides pom, jar, sources and javadoc. metrics-core's test-jar carries the compatibility kit
# every backend runs and the project's own test helpers (dev.lucidmetrics.core.support); the jar plugin attaches it,
# so a deploy publishes it too. Listed here so that any other extra file fails the check.
EXTRA = {"metrics-core": [("tests", "jar")]}
MODULE_NAMES = {"metrics-core": "dev.lucidmetrics.core", "metrics-simpleclient": "dev.lucidmetrics.simpleclient",
                "metrics-client-java": "dev.lucidmetrics.clientjava", "metrics-testing": "dev.lucidmetrics.testing",
                "metrics-servlet": "dev.lucidmetrics.servlet", "metrics-logging": "dev.lucidmetrics.logging"}
MODULE_DIRS = {"lucid-metrics-parent": ".", "metrics-core": "metrics-core", "metrics-simpleclient": "metrics-simpleclient",
               "metrics-client-java": "metrics-client-java", "metrics-testing": "metrics-testing",
               "metrics-servlet": "metrics-servlet", "metrics-logging": "metrics-logging", "metrics-bom": "metrics-bom"}
# What the BOM manages besides the published jars: client_java's own BOM, imported, so that client_java artifacts a
# user adds beside metrics-client-java (after unwrap(PrometheusRegistry.class)) get the version it is built on.
BOM_IMPORTS = [("io.prometheus", "prometheus-metrics-bom", "pom", "import")]
CENTRAL_REQUIRED = ["name", "description", "url", "licenses/license/name", "licenses/license/url",
                    "scm/url", "scm/connection", "developers/developer/name"]
NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def files_of(repo, artifact, version):
    """{(classifier, extension): path} of one artifact version, snapshot timestamps folded away; checksums and
    maven-metadata files left out."""
    base = pathlib.Path(repo) / GROUP / artifact / version
    found = {}
    release = re.escape(version.replace("-SNAPSHOT", ""))
    stem = re.escape(artifact) + "-" + release + r"(?:-SNAPSHOT|-\d{8}\.\d{6}-\d+)?"
    for f in sorted(base.iterdir()) if base.is_dir() else []:
        if f.name.startswith("maven-metadata") or f.suffix in (".sha1", ".md5", ".sha256", ".sha512"):
            continue
        m = re.fullmatch(stem + r"(?:-([a-z]+))?\.([a-z]+)", f.name)
        found[(m.group(1), m.group(2)) if m else (f.name, "?")] = f
    return found


def artifacts(repo, version, root):
    problems = []
    present = sorted(p.name for p in (pathlib.Path(repo) / GROUP).iterdir())
    for extra in set(present) - set(PUBLISHED):
        problems.append(f"{extra} was deployed but is not published: set maven.deploy.skip=true in its pom.xml")
    for artifact, packaging in PUBLISHED.items():
        found = files_of(repo, artifact, version)
        want = [(None, "pom")]
        if packaging == "jar":
            want.append((None, "jar"))
            if (pathlib.Path(root) / MODULE_DIRS[artifact] / "src/main/java").is_dir():
                want += [("sources", "jar"), ("javadoc", "jar")]
            else:
                print(f"WARNING {artifact} has no sources yet: no sources or javadoc jar is expected, and Maven "
                      f"Central would refuse it until it has them")
        want += EXTRA.get(artifact, [])
        for key in sorted(set(found) - set(want), key=str):
            problems.append(f"{found[key].name} was deployed but is not a published file: skip it, or list it in "
                            f"EXTRA in scripts/consumer/inspect.py and docs/releasing.md")
        for key in want:
            path = found.get(key)
            if path is None:
                problems.append(f"{artifact} {version}: no {'-'.join(filter(None, key))} in the repository")
                continue
            for sum_ext in ("sha1", "md5"):
                if not path.with_name(path.name + "." + sum_ext).is_file():
                    problems.append(f"{path.name} has no .{sum_ext} checksum")
            print(f"{path.stat().st_size:>9}  {artifact}/{path.name}")
    return problems


def text(pom, path):
    node = pom.find("/".join("m:" + p for p in path.split("/")), NS)
    return None if node is None or not (node.text or "").strip() else node.text.strip()


def poms(repo, version):
    problems = []
    parsed = {a: ET.parse(files_of(repo, a, version)[(None, "pom")]).getroot() for a in PUBLISHED}
    parent = parsed["lucid-metrics-parent"]
    for artifact, pom in parsed.items():
        # Central reads inherited elements through the parent, which is published too.
        inherited = text(pom, "parent/artifactId") == "lucid-metrics-parent"
        for element in CENTRAL_REQUIRED:
            own = text(pom, element)
            value = own or (text(parent, element) if inherited and element not in ("name", "description") else None)
            if value is None:
                problems.append(f"{artifact}: the published POM has no <{element}>")
        how = "inherits" if inherited else "carries"
        print(f"{artifact}: {text(pom, 'name')} — {how} url, licenses, scm, developers")
    bom = parsed["metrics-bom"]
    if bom.find("m:parent", NS) is not None:
        problems.append("metrics-bom: the published BOM has a <parent>, so importing it imports the parent's "
                        "dependencyManagement too (simpleclient, Jackson, JUnit): check its flatten-maven-plugin")
    entries = bom.findall("m:dependencyManagement/m:dependencies/m:dependency", NS)
    managed = sorted((text(d, "groupId"), text(d, "artifactId")) for d in entries if text(d, "scope") != "import")
    imports = sorted((text(d, "groupId"), text(d, "artifactId"), text(d, "type"), text(d, "scope"))
                     for d in entries if text(d, "scope") == "import")
    jars = sorted(("dev.lucidmetrics", a) for a, p in PUBLISHED.items() if p == "jar")
    if managed != jars:
        problems.append(f"metrics-bom manages {managed}, the published jars are {jars}")
    if imports != BOM_IMPORTS:
        problems.append(f"metrics-bom imports {imports}, expected {BOM_IMPORTS}")
    versions = [text(d, "version") for d in entries if text(d, "scope") == "import"]
    client_java = ET.parse(pathlib.Path(__file__).resolve().parents[2] / "pom.xml").getroot().findtext(
        "m:properties/m:client-java.version", namespaces=NS)
    if versions != [client_java]:
        problems.append(f"metrics-bom imports prometheus-metrics-bom {versions}; the build's client-java.version is "
                        f"{client_java}: write that version in metrics-bom/pom.xml")
    print(f"metrics-bom manages {', '.join(a for _, a in managed)} and imports "
          f"{', '.join(f'{a}:{v}' for (_, a, _, _), v in zip(imports, versions))}")
    return problems


def manifests(repo, version):
    problems = []
    for artifact, module_name in MODULE_NAMES.items():
        with zipfile.ZipFile(files_of(repo, artifact, version)[(None, "jar")]) as jar:
            manifest = dict(line.split(": ", 1) for line in
                            jar.read("META-INF/MANIFEST.MF").decode().replace("\r\n ", "").splitlines() if ": " in line)
            names = jar.namelist()
        for key, want in (("Automatic-Module-Name", module_name), ("Implementation-Version", version)):
            if manifest.get(key) != want:
                problems.append(f"{artifact}.jar: {key} is {manifest.get(key)!r}, should be {want!r}")
        if "META-INF/LICENSE" not in names:
            problems.append(f"{artifact}.jar has no META-INF/LICENSE")
        print(f"{artifact}.jar: Automatic-Module-Name {manifest.get('Automatic-Module-Name')}, "
              f"Implementation-Version {manifest.get('Implementation-Version')}")
    return problems


def origin(local_repo):
    problems = []
    base = pathlib.Path(local_repo) / GROUP
    seen = sorted(base.rglob("*.jar")) + sorted(base.rglob("*.pom"))
    if not seen:
        problems.append(f"no dev.lucidmetrics artifact in {local_repo}: the consumer did not resolve the library")
    for record in sorted(base.rglob("_remote.repositories")):
        for line in record.read_text().splitlines():
            m = re.fullmatch(r"(.+)>(.*)=", line.strip())
            if m and m.group(2) != "lucid-local":
                problems.append(f"{m.group(1)} came from repository {m.group(2)!r}, not the file repository")
    if not problems:
        print(f"{len(seen)} dev.lucidmetrics files in the consumer's local repository, all from lucid-local")
    return problems


if __name__ == "__main__":
    checks = {"artifacts": artifacts, "poms": poms, "manifests": manifests, "origin": origin}
    if len(sys.argv) < 3 or sys.argv[1] not in checks:
        sys.exit(__doc__)
    found = checks[sys.argv[1]](*sys.argv[2:])
    for problem in found:
        print("FAIL " + problem)
    sys.exit(1 if found else 0)
