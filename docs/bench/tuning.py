#!/usr/bin/env python3
"""Latency of the tuning API at 1 and at 32 concurrent clients, on loopback.

Run docs/bench/tuning.sh (it starts the packaged jar and a stub model endpoint, then this script).
Times are client-side per request (persistent connection per client), in milliseconds.
"""
import concurrent.futures
import http.client
import json
import statistics
import sys
import time
import uuid

HOST, PORT = "127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 18181
KITCHEN = ("The teal robot is cooking food in a kitchen. Steam rises from a simmering pot as the robot chops vegetables "
           "on a worn wooden cutting board. Copper pans hang from an overhead rack, catching glints of afternoon light, "
           "while a well-loved cast iron skillet sits on the stovetop next to scattered measuring spoons and a "
           "half-empty bottle of olive oil.")
OFFLINE = {"engine": "offline"}


class Client:
    def __init__(self):
        self.conn = http.client.HTTPConnection(HOST, PORT, timeout=30)

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body)
        start = time.perf_counter()
        self.conn.request(method, path, body=data, headers={"Content-Type": "application/json"})
        response = self.conn.getresponse()
        payload = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status >= 300:
            raise RuntimeError(f"{method} {path}: {response.status} {payload[:300]!r}")
        return elapsed, json.loads(payload)


def session(client, prompt, options=None):
    body = {"prompt": prompt}
    if options:
        body["options"] = options
    return client.call("POST", "/api/v1/sessions", body)


def edit(client, sid, request, options=None):
    body = {"request": request}
    if options:
        body["options"] = options
    return client.call("POST", f"/api/v1/sessions/{sid}/edits", body)


# Each scenario: (name, setup(client) -> state, step(client, state, i) -> elapsed ms)
def create_offline(c, s, i):
    return session(c, f"{KITCHEN} Take {uuid.uuid4().hex[:8]}.", OFFLINE)[0]


def create_cached(c, s, i):
    return session(c, KITCHEN)[0]  # the LLM extraction of this prompt is cached after the first call


def create_stub(c, s, i):
    return session(c, f"{KITCHEN} Take {uuid.uuid4().hex[:8]}.")[0]  # a new prompt: one model call


def edit_offline(c, s, i):
    sid = session(c, KITCHEN, OFFLINE)[1]["id"]
    return edit(c, sid, "Change the robot to blue", OFFLINE)[0]


def edit_cached(c, s, i):
    sid = session(c, KITCHEN)[1]["id"]
    return edit(c, sid, "make it calm")[0]  # same state, same request: served from the cache


def edit_stub(c, s, i):
    sid = session(c, KITCHEN)[1]["id"]
    return edit(c, sid, f"make it calm, take {uuid.uuid4().hex[:8]}")[0]  # a new request: one model call


SCENARIOS = [
    ("create, offline engine", create_offline),
    ("create, cache hit", create_cached),
    ("create, stub model (uncached)", create_stub),
    ("edit, offline engine", edit_offline),
    ("edit, cache hit", edit_cached),
    ("edit, stub model (uncached)", edit_stub),
]


def run(step, clients, per_client):
    def worker(_):
        c = Client()
        for w in range(20):
            step(c, None, w)
        return [step(c, None, i) for i in range(per_client)]

    with concurrent.futures.ThreadPoolExecutor(clients) as pool:
        times = [t for chunk in pool.map(worker, range(clients)) for t in chunk]
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))], len(times)


if __name__ == "__main__":
    print(f"{'scenario':34} {'clients':>7} {'median ms':>10} {'p99 ms':>8} {'n':>6}")
    for name, step in SCENARIOS:
        for clients, per_client in ((1, 200), (32, 25)):
            median, p99, n = run(step, clients, per_client)
            print(f"{name:34} {clients:7d} {median:10.2f} {p99:8.2f} {n:6d}")
