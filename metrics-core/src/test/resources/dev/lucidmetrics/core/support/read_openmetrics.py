"""Parse OpenMetrics text from stdin with the Prometheus Python client's strict parser (an independent
implementation of the format) and print one JSON object per sample: name, labels, value and exemplar."""
import json
import sys

from prometheus_client.openmetrics.parser import text_string_to_metric_families

for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        exemplar = None
        if sample.exemplar is not None:
            timestamp = sample.exemplar.timestamp
            exemplar = {"labels": sample.exemplar.labels, "value": sample.exemplar.value,
                        "timestamp": None if timestamp is None else float(timestamp)}
        print(json.dumps({"family": family.name, "type": family.type, "name": sample.name,
                          "labels": sample.labels, "value": sample.value, "exemplar": exemplar}))
