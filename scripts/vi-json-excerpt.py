#!/usr/bin/env python3
"""Extracts the part of VMware's published VI/JSON spec this product uses, as a JSON test fixture.

The full spec is vmware/vcf-api-specs, specifications/vsphere/openapi/vi-json/vi-json.yaml (about 10 MB). The product
only needs the schemas of the requests it sends and the answers it reads (and the paths of those operations), so the
fixture keeps those, recursively with every schema they reference, and drops every description: a few tens of KB.
Tests/Simulators/ViJsonSpecConformanceTests checks the collector's requests and the simulator's answers against it.

    python3 scripts/vi-json-excerpt.py vi-json.yaml --commit <sha> > Tests/Simulators/vi-json-excerpt.json

--allow-missing lists referenced schemas the input does not hold under x-not-extracted instead of failing (for an input
that is itself only part of the spec); the checker then reports those as not checked rather than passing them silently.
Needs PyYAML.
"""
import argparse
import datetime
import json
import sys

import yaml

# What the product sends and reads through VI/JSON (Collector/VSphere/ViJson*.cs).
ROOT_SCHEMAS = [
    "ServiceContent", "UserSession", "ManagedObjectReference",
    "CreateContainerViewRequestType", "RetrievePropertiesExRequestType", "ContinueRetrievePropertiesExRequestType",
    "RetrieveResult", "ObjectContent", "DynamicProperty", "MissingProperty", "PropertyFilterSpec", "TraversalSpec",
    "RetrieveOptions", "PropertySpec", "ObjectSpec",
    "MethodFault", "InvalidArgument", "InvalidRequest", "InvalidProperty", "InvalidCollectorVersion",
    "ManagedObjectNotFound", "NotAuthenticated", "InvalidLogin", "SystemError", "SecurityError", "RestrictedByAdministrator",
    "LocalizedMethodFault",
    "QueryPerfCounterByLevelRequestType", "QueryPerfRequestType", "PerfQuerySpec", "PerfEntityMetric", "PerfEntityMetricCSV",
    "PerfMetricIntSeries", "PerfCounterInfo", "PerfInterval",
]
ROOT_PATHS = [
    "/ServiceInstance/{moId}/content",
    "/SessionManager/{moId}/Login", "/SessionManager/{moId}/Logout",
    "/ViewManager/{moId}/CreateContainerView", "/ContainerView/{moId}/view", "/View/{moId}/DestroyView",
    "/PropertyCollector/{moId}/RetrievePropertiesEx", "/PropertyCollector/{moId}/ContinueRetrievePropertiesEx",
    "/PerformanceManager/{moId}/historicalInterval", "/PerformanceManager/{moId}/perfCounter",
    "/PerformanceManager/{moId}/QueryPerfCounterByLevel", "/PerformanceManager/{moId}/QueryPerf",
]
PREFIX = "#/components/schemas/"


def strip(node):
    """The node without descriptions, summaries and examples (they are most of the spec's size)."""
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k not in ("description", "summary", "example", "examples")}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith(PREFIX):
                yield value[len(PREFIX):]
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("spec")
    parser.add_argument("--commit", default="unknown")
    parser.add_argument("--allow-missing", action="store_true")
    parser.add_argument("--how", default="scripts/vi-json-excerpt.py over the full vi-json.yaml")
    args = parser.parse_args()

    with open(args.spec, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    schemas = spec.get("components", {}).get("schemas", {})
    paths = spec.get("paths", {}) or {}

    kept_paths = {p: strip(paths[p]) for p in ROOT_PATHS if p in paths}
    todo = list(ROOT_SCHEMAS) + [r for p in kept_paths.values() for r in refs(p)]
    kept, missing = {}, set()
    while todo:
        name = todo.pop()
        if name in kept or name in missing:
            continue
        if name not in schemas:
            missing.add(name)
            continue
        kept[name] = strip(schemas[name])
        todo.extend(refs(kept[name]))

    if missing and not args.allow_missing:
        sys.exit("not in the spec: " + ", ".join(sorted(missing)))

    out = {
        "x-origin": {
            "repository": "vmware/vcf-api-specs",
            "path": "specifications/vsphere/openapi/vi-json/vi-json.yaml",
            "commit": args.commit,
            "title": spec.get("info", {}).get("title"),
            "version": spec.get("info", {}).get("version"),
            "extracted": datetime.date.today().isoformat(),
            "how": args.how,
        },
        "x-not-extracted": sorted(missing),
        "x-paths-not-extracted": sorted(p for p in ROOT_PATHS if p not in paths),
        "paths": dict(sorted(kept_paths.items())),
        "components": {"schemas": dict(sorted(kept.items()))},
    }
    json.dump(out, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
