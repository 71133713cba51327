#!/usr/bin/env python3
"""A small client for `crosswalk serve --stdio` (Docs/Protocol.md), standard library only.

    from crosswalk_client import Crosswalk
    with Crosswalk("crosswalk") as cw:
        result = cw.call("assess", organization={"path": "org.xml"}, asOf="2026-11-23")
        print(result["assessment"]["scores"][0]["readiness"])

Run as a script, it holds a short conversation with the server and prints what a GRC
platform would show; the tests run it with --schema, which also checks every request and
response against Docs/Protocol.schema.json (that needs the `jsonschema` package).
"""
import argparse
import itertools
import json
import subprocess
import sys


class CrosswalkError(Exception):
    """An error response: `code` is one of Docs/Errors.md, `diagnostics` say where."""

    def __init__(self, error):
        super().__init__(f"{error['code']}: {error['message']}")
        self.code = error["code"]
        self.diagnostics = error.get("diagnostics", [])


class Crosswalk:
    """One long-running `crosswalk serve --stdio` process; requests are answered in order."""

    def __init__(self, binary="crosswalk", extra_args=(), validator=None):
        self._process = subprocess.Popen([binary, "serve", "--stdio", *extra_args],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8")
        self._ids = itertools.count(1)
        self._validator = validator

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Ends the server by closing its input; returns its exit status."""
        if self._process.stdin:
            self._process.stdin.close()
        return self._process.wait()

    def send_line(self, line):
        """Sends one raw line and returns the parsed response (for testing bad requests)."""
        self._process.stdin.write(line + "\n")
        self._process.stdin.flush()
        response = json.loads(self._process.stdout.readline())
        if self._validator:
            self._validator(response)
        return response

    def call(self, method, **params):
        """Sends a request and returns its result, or raises CrosswalkError."""
        request = {"id": next(self._ids), "method": method, "params": params}
        if self._validator:
            self._validator(request)
        response = self.send_line(json.dumps(request))
        if response.get("id") != request["id"]:
            raise RuntimeError(f"response to {response.get('id')!r}, expected {request['id']!r}")
        if "error" in response:
            raise CrosswalkError(response["error"])
        return response["result"]


def schema_validator(path):
    import jsonschema  # only needed with --schema

    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    results = {name: jsonschema.Draft202012Validator({"$defs": schema["$defs"], "$ref": f"#/$defs/{name}"}) for name in
               ("describeResult", "assessResult", "validateResult", "mapResult", "coverageResult")}
    return validator, results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default="crosswalk", help="the crosswalk executable")
    parser.add_argument("--organization", required=True, help="an organisation file to assess")
    parser.add_argument("--schema", help="check every request and response against this JSON Schema")
    args = parser.parse_args()

    validate, results = (None, {})
    if args.schema:
        validator, results = schema_validator(args.schema)
        validate = validator.validate

    with Crosswalk(args.binary, validator=validate) as cw:
        described = cw.call("describe")
        if results:
            results["describeResult"].validate(described)
        print("frameworks:", ", ".join(f["framework"] for f in described["frameworks"]))

        assessed = cw.call("assess", organization={"path": args.organization})
        if results:
            results["assessResult"].validate(assessed)
        doc = assessed["assessment"]
        for score in doc["scores"]:
            if score["scope"] in ("overall", "framework"):
                print(f"readiness {score['key']}: {score['readiness'] * 100:.1f}%")

        mapped = cw.call("map", requirement="iso42001:A.6.2.8", to="iso27001")
        if results:
            results["mapResult"].validate(mapped)
        for r in mapped["relations"]:
            print(f"map {r['subject']} {r['relationship']} {r['object']} (strength {r['strength']})")

        covered = cw.call("coverage", **{"from": "iso27001", "to": "iso42001"})
        if results:
            results["coverageResult"].validate(covered)
        print("coverage iso27001 -> iso42001:", json.dumps(covered["counts"], sort_keys=True))

        # A tenant uploads a hostile file: a result that says why, and the server goes on.
        checked = cw.call("validate", organization={"xml": '<!DOCTYPE o [<!ENTITY x SYSTEM "file:///etc/passwd">]><o>&x;</o>',
                                                    "name": "tenant-7.xml"})
        if results:
            results["validateResult"].validate(checked)
        first = checked["diagnostics"][0]
        print(f"validate tenant-7.xml: valid={checked['valid']} {first['file']}:{first['line']}:{first['column']} {first['code']}")

        unknown = cw.send_line(json.dumps({"id": "x-1", "method": "launch"}))
        print("unknown method ->", unknown["error"]["code"], "for id", unknown["id"])
        bad = cw.send_line("{not json")
        print("malformed line ->", bad["error"]["code"])
        print("still serving:", cw.call("describe")["protocolVersion"] == 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
