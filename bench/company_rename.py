#!/usr/bin/env python3
"""Renaming and erasing a company that LINKED contacts link to, timed over the API (issue 8's
target: under 100 ms with 1,000 linked contacts at 1M contacts, on both engines).

    bench/company_rename.py BASE_URL TOKEN LINKED

Creates a company, links it to the first LINKED contacts (keeping their other links), renames it
five times, checks that a search by the last name finds linked contacts, then erases it (which
takes the links away again; the erasure's time includes the purge of the database files). Prints one JSON line: the renames' median and slowest
times and the erasure's time, in milliseconds, as the client saw them."""
import json
import statistics
import sys
import time
import urllib.parse
import urllib.request

base, token, linked = sys.argv[1], sys.argv[2], int(sys.argv[3])


def call(method, path, body=None):
    request = urllib.request.Request(
        base + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + token, "Content-Type": "application/json",
                 "If-Match": "*"})
    with urllib.request.urlopen(request, timeout=60) as response:
        text = response.read()
    return json.loads(text) if text else None


def timed(method, path, body=None):
    start = time.perf_counter()
    call(method, path, body)
    return (time.perf_counter() - start) * 1000


company = call("POST", "/companies", {"name": "Bench Rename 0"})
contacts, after = [], ""
while len(contacts) < linked:
    page = call("GET", "/contacts?limit=500&sort=id" + ("&after=" + urllib.parse.quote(after) if after else ""))
    contacts += page["items"]
    after = page.get("next") or ""
    if not after:
        break
for contact in contacts[:linked]:
    links = contact["companies"] + [{"company_id": company["id"], "job_title": "Bench"}]
    call("PATCH", "/contacts/%d" % contact["id"], {"companies": links})

renames = [timed("PATCH", "/companies/%d" % company["id"], {"name": "Bench Rename %d" % i})
           for i in range(1, 6)]
found = call("GET", "/contacts?limit=1&q=" + urllib.parse.quote("Bench Rename 5"))["items"]
erase = timed("POST", "/companies/%d/erase" % company["id"])
print(json.dumps({"linked": min(linked, len(contacts)), "rename_median_ms": statistics.median(renames),
                  "rename_max_ms": max(renames), "erase_ms": erase, "found_by_new_name": bool(found)}))
