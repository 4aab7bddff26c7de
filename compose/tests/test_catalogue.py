"""Unit tests of promql.py and catalogue.py (compose/tests/static runs them: python3 -m unittest test_catalogue)."""
import io
import tempfile
import unittest
from contextlib import redirect_stdout
from pathlib import Path

import catalogue
import promql
from promql import Selector


def family(text):
    return next(iter(catalogue.parse(text, "test").values()))


REQUESTS_TEXT = ('# HELP x_requests_total Requests.\n# TYPE x_requests_total counter\n'
                 'x_requests_total{method="GET",route="/",code="200",} 1.0\n')
REQUESTS = family(REQUESTS_TEXT)
CLIENT = family('# TYPE x_client_requests_total counter\nx_client_requests_total{target="a",code="200"} 1\n')


class SelectorsTest(unittest.TestCase):

    def test_aggregations_label_lists_and_functions_are_not_selectors(self):
        self.assertEqual(promql.selectors('histogram_quantile(0.99, sum by (job, le) (rate(x_bucket{a="b"}[5m])))'),
                         [Selector("x_bucket", (("a", "=", "b"),))])
        self.assertEqual(promql.selectors("sum without (area) (a) / ignoring (code) group_left b offset 5m"),
                         [Selector("a", ()), Selector("b", ())])
        self.assertEqual(promql.selectors("(x or vector(0)) * 0 > bool 1 and on (job) time() - y > 25 * 3600"),
                         [Selector("x", ()), Selector("y", ())])

    def test_a_name_matcher_and_quoted_values_are_read(self):
        self.assertEqual(promql.selectors(r'{__name__=~".+_total", route!="", q="a \"b\", c"}'),
                         [Selector("", (("__name__", "=~", ".+_total"), ("route", "!=", ""), ("q", "=", 'a "b", c')))])

    def test_every_expression_of_the_stacks_dashboards_and_rules_is_read(self):
        users = catalogue.usage()
        self.assertGreater(len([u for u in users if u[0] == "panel"]), 50)
        self.assertTrue(all(sels for _, _, sels in users), [name for _, name, sels in users if not sels])

    def test_an_expression_it_cannot_read_fails_naming_it(self):
        for bad in ('x{job}', 'x{job="a"', "x # y", "sum by (job"):
            with self.assertRaises(ValueError, msg=bad) as e:
                promql.selectors(bad)
            self.assertIn(bad, str(e.exception))


class ReadsTest(unittest.TestCase):

    def test_a_name_regex_with_a_required_label_leaves_out_families_without_it(self):
        sel = promql.selectors('{__name__=~".+_requests_total", route!=""}')[0]
        self.assertTrue(catalogue.reads(sel, REQUESTS, "app"))
        self.assertFalse(catalogue.reads(sel, CLIENT, "app"))

    def test_the_job_matcher_decides_by_the_apps_job_and_variables_accept_any(self):
        sel = promql.selectors('x_requests_total{job="app", instance=~"$instance"}')[0]
        self.assertTrue(catalogue.reads(sel, REQUESTS, "app"))
        self.assertFalse(catalogue.reads(sel, REQUESTS, "other"))
        self.assertTrue(catalogue.reads(promql.selectors('x_requests_total{job="$job"}')[0], REQUESTS, "other"))

    def test_label_values_are_never_compared_only_label_names(self):
        self.assertTrue(catalogue.reads(promql.selectors('x_requests_total{code=~"5.."}')[0], REQUESTS, "app"))
        self.assertFalse(catalogue.reads(promql.selectors('x_requests_total{status="ok"}')[0], REQUESTS, "app"))
        self.assertTrue(catalogue.reads(promql.selectors('x_requests_total{status!~"ok"}')[0], REQUESTS, "app"))

    def test_a_histogram_is_read_through_its_sample_names_and_as_a_native_histogram_through_its_name(self):
        hist = family('# TYPE d_seconds histogram\nd_seconds_bucket{le="+Inf"} 1\nd_seconds_sum 1\nd_seconds_count 1\n')
        self.assertTrue(catalogue.reads(Selector("d_seconds_bucket", ()), hist, "app"))
        self.assertTrue(catalogue.reads(Selector("d_seconds", ()), hist, "app"))
        self.assertFalse(catalogue.reads(Selector("d_seconds_created", ()), hist, "app"))
        self.assertFalse(catalogue.reads(Selector("x_requests", ()), REQUESTS, "app"))


class ParseTest(unittest.TestCase):

    def test_labels_with_escapes_commas_and_no_trailing_comma(self):
        f = family('# HELP a_total A \\\\ b.\n# TYPE a_total counter\na_total{x="p,\\"q\\"",y="z"} 1 1700000000000\n')
        self.assertEqual((f.type, f.help, f.labels, f.series), ("counter", "A \\ b.", {"x", "y"}, 1))

    def test_a_sample_of_no_declared_family_is_an_error(self):
        with self.assertRaises(SystemExit) as e:
            catalogue.parse("# TYPE a gauge\nb 1\n", "x.prom")
        self.assertIn("x.prom:2", str(e.exception))


class CheckTest(unittest.TestCase):

    def test_check_passes_on_the_written_page_and_fails_with_a_diff_once_it_drifts(self):
        jvm = "# HELP jvm_threads_current Threads.\n# TYPE jvm_threads_current gauge\njvm_threads_current 9\n"
        with tempfile.TemporaryDirectory() as d:
            for name, ns in (("gallery", "image_gallery"), ("iotd", "iotd_api"), ("accesslog", "access")):
                Path(d, f"{name}.prom").write_text(REQUESTS_TEXT.replace("x_", ns + "_") + jvm, encoding="utf-8")
            Path(d, "pushgateway.prom").write_text(
                "# TYPE j_last_success_timestamp_seconds gauge\n"
                'j_last_success_timestamp_seconds{instance="",job="access_log_snapshot"} 1\n', encoding="utf-8")
            page, saved = Path(d, "metrics.md"), catalogue.PAGE
            catalogue.PAGE = page
            try:
                with redirect_stdout(io.StringIO()) as out:
                    self.assertEqual(0, catalogue.main([d]))
                    self.assertEqual(0, catalogue.main([d, "--check"]))
                    self.assertIn("| `jvm_threads_current` | gauge | — | `image-gallery`, `iotd-api`, `access-log` |",
                                  page.read_text(encoding="utf-8"))
                    page.write_text(page.read_text(encoding="utf-8").replace("Threads.", "Threads!"), encoding="utf-8")
                    self.assertEqual(1, catalogue.main([d, "--check"]))
                self.assertIn("+| `jvm_threads_current` | gauge |", out.getvalue())
                self.assertIn("docs/metrics.md is stale", out.getvalue())
            finally:
                catalogue.PAGE = saved


if __name__ == "__main__":
    unittest.main()
