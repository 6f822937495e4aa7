"""Runs GS1's reference EPCIS event hash generator (PyPI `epcis-event-hash-generator`, installed
by scripts/epcis-tools) for client/epcis's tests. Prints JSON on stdout.

  ref_hash.py hash FILE...   [{"file", "hashes": [...], "prehashes": [...]}, ...] one entry per
                             EPCIS JSON(-LD) document, one hash per event in document order
  ref_hash.py canon          stdin: JSON list of strings; stdout: the reference's canonical form
                             of each as an ordinary field value (`_canonize_value`)
  ref_hash.py time           stdin: JSON list of timestamps; stdout: `_fix_time_stamp_format` of each

`hash` exits with status 3 if the reference skipped an event (it logs and drops events it cannot
process, which would silently shift every later hash).
"""
import json
import logging
import sys

logging.disable(logging.CRITICAL)

from epcis_event_hash_generator import hash_generator, json_to_py  # noqa: E402


def hash_files(paths):
    out = []
    for path in paths:
        # json_to_py keeps the namespaces of every document it has read in a module global:
        # clear it so that each document is hashed as if it were the only one.
        json_to_py._namespaces.clear()
        with open(path, encoding="utf-8") as f:
            events = json_to_py.event_list_from_epcis_document_str(f.read())
        prehashes = hash_generator.derive_prehashes_from_events(events, "")
        if len(prehashes) != len(events[2]):
            print("reference dropped %d of %d events of %s"
                  % (len(events[2]) - len(prehashes), len(events[2]), path), file=sys.stderr)
            sys.exit(3)
        out.append({
            "file": path,
            "prehashes": prehashes,
            "hashes": hash_generator.calculate_hashes_from_pre_hashes(prehashes),
        })
    return out


def main():
    mode = sys.argv[1]
    if mode == "hash":
        result = hash_files(sys.argv[2:])
    elif mode == "canon":
        result = [hash_generator._canonize_value(s) for s in json.load(sys.stdin)]
    elif mode == "time":
        result = [hash_generator._fix_time_stamp_format(s) for s in json.load(sys.stdin)]
    else:
        raise SystemExit("unknown mode " + mode)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
