"""haflags.py against fixtures: a profile whose flags the Debian binaries accept passes, and a wrong duration, an
unknown flag or a broken HAProxy config each fail naming the service (run by compose/tests/static)."""
import io
import tempfile
import unittest
from contextlib import redirect_stdout
from pathlib import Path

import yaml

import haflags

COMPOSE = Path(__file__).resolve().parent.parent


def profile(store_flags, vmagent_extra=(), haproxy_cfg=None):
    return {"services": {
        "store": {"profiles": ["ha"], "image": "victoriametrics/victoria-metrics:v1.152.0",
                  "command": ["-storageDataPath=/data", *store_flags]},
        "scraper": {"profiles": ["ha"], "image": "victoriametrics/vmagent:v1.152.0",
                    "command": ["-promscrape.config=/etc/prometheus/vmagent-ha.yml", *vmagent_extra],
                    "volumes": [f"{COMPOSE}/prometheus:/etc/prometheus:ro"]},
        "lb": {"profiles": ["ha"], "image": "haproxy:3.2.9",
               "volumes": [f"{haproxy_cfg or COMPOSE / 'haproxy' / 'haproxy.cfg'}:{haflags.HAPROXY_CFG}:ro"]},
        "other": {"image": "victoriametrics/victoria-metrics:v1.152.0", "command": ["-not.in.the.profile"]},
    }}


class HaFlagsTest(unittest.TestCase):

    def run_on(self, doc):
        with tempfile.TemporaryDirectory() as d:
            path = Path(d) / "rendered.yml"
            path.write_text(yaml.safe_dump(doc))
            out = io.StringIO()
            with redirect_stdout(out):
                rc = haflags.main([str(path)])
            return rc, out.getvalue()

    def test_flags_the_binaries_accept_pass(self):
        rc, out = self.run_on(profile(["-dedup.minScrapeInterval=3s"], ["-promscrape.cluster.membersCount=2"]))
        self.assertEqual(0, rc, out)
        self.assertIn("3 command lines", out)

    def test_a_duration_without_its_unit_fails_naming_the_service(self):
        rc, out = self.run_on(profile(["-dedup.minScrapeInterval=3"]))
        self.assertEqual(1, rc, out)
        self.assertIn("violation: store: victoria-metrics flags", out)

    def test_an_unknown_flag_fails(self):
        rc, out = self.run_on(profile([], ["-promscrape.cluster.replicaLabel=replica"]))
        self.assertEqual(1, rc, out)
        self.assertIn("violation: scraper", out)

    def test_a_broken_haproxy_config_fails(self):
        with tempfile.NamedTemporaryFile("w", suffix=".cfg") as cfg:
            cfg.write("defaults\n  mode http\nbackend b\n  balance nonsense\n")
            cfg.flush()
            rc, out = self.run_on(profile([], haproxy_cfg=cfg.name))
        self.assertEqual(1, rc, out)
        self.assertIn("violation: lb: haproxy -c", out)


class K8sHaLintTest(unittest.TestCase):
    """stacklint.py k8s-ha on the rendered ha overlay, then on copies with one thing taken away."""

    @classmethod
    def setUpClass(cls):
        import subprocess
        run = subprocess.run(["kubectl", "kustomize", str(COMPOSE / "k8s" / "overlays" / "ha")], capture_output=True,
                             text=True)
        if run.returncode != 0:
            raise unittest.SkipTest(f"kubectl kustomize unavailable: {run.stderr.strip()[:200]}")
        cls.docs = [d for d in yaml.safe_load_all(run.stdout) if d]

    def lint(self, docs):
        import stacklint
        with tempfile.NamedTemporaryFile("w", suffix=".yml") as f:
            yaml.safe_dump_all(docs, f)
            f.flush()
            with redirect_stdout(io.StringIO()):
                return stacklint.lint_k8s_ha(f.name)

    def test_the_overlay_passes(self):
        self.assertEqual([], self.lint(self.docs))

    def test_a_pair_without_its_disruption_budget_fails(self):
        docs = [d for d in self.docs if not (d["kind"] == "PodDisruptionBudget" and d["metadata"]["name"] == "vmstore")]
        self.assertIn("vmstore: no PodDisruptionBudget selects it", self.lint(docs))

    def test_a_store_the_scrapers_do_not_write_fails(self):
        docs = yaml.safe_load(yaml.safe_dump(self.docs))
        agent = next(d for d in docs if d["metadata"]["name"] == "vmagent" and d["kind"] == "Deployment")
        c = agent["spec"]["template"]["spec"]["containers"][0]
        c["args"] = [a for a in c["args"] if "vmstore-1" not in a]
        self.assertTrue(any("vmstore-1.vmstore" in e for e in self.lint(docs)), self.lint(docs))


if __name__ == "__main__":
    unittest.main()
