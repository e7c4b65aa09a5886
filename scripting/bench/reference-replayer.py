#!/usr/bin/env python3
"""A minimal single-threaded raw-socket scansion replayer: the yardstick of issue 3's speed target.

Issue 3 compares the Java replayer with "a minimal raw-socket replayer written in Python" that runs the 25 shared
suite scripts in about 0.47 s on this machine. This is the project's own such replayer, so that
scripting/bench.sh can run both against fresh servers in the same run and compare them under the same load.
It is a benchmark tool, not a product: it implements the rules of ../shared/scansion.md that the shared suite
needs (PLAIN login only, no TLS, no tags, no reports) and nothing more. One thread: after a send it sleeps the
pause; a receives waits in select() on all of the script's sockets and drains whichever are readable.

Usage: reference-replayer.py --host H --port P [--pause-ms 1] [--timeout 5] FILE|DIR...
Prints one line per script, figures prefixed "reference:", and last "N passed, N failed".
"""
import argparse
import base64
import os
import re
import select
import socket
import statistics
import sys
import time
import uuid
import xml.etree.ElementTree as ET

START = time.perf_counter()
CLIENT_NS = "jabber:client"
SCANSION_NS = "https://matthewwild.co.uk/projects/scansion"
XML_NS = "http://www.w3.org/XML/1998/namespace"
ACTION = re.compile(r"^(connects|disconnects|sends|receives)\s*:?\s*(nothing)?\s*$")


class ScriptError(Exception):
    pass


def parse_script(path):
    lines = open(path, encoding="utf-8").read().splitlines()
    clients, actions = {}, []
    current, i = None, 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "//", "--")) or re.fullmatch(r"-{3,}", stripped):
            current = None if not stripped else current
            i += 1
            continue
        if line.startswith("[Client]"):
            current = line[len("[Client]"):].strip()
            clients[current] = {}
            i += 1
            continue
        if line[0] in " \t" and current is not None:
            key, _, value = stripped.partition(":")
            clients[current][key.strip()] = value.strip()
            i += 1
            continue
        actor = max((n for n in clients if line.startswith(n + " ")), key=len, default=None)
        if actor is None:
            raise ScriptError("%s:%d: unknown actor" % (path, i + 1))
        m = ACTION.match(line[len(actor) + 1:].strip())
        if m is None:
            raise ScriptError("%s:%d: unknown verb" % (path, i + 1))
        verb, number = m.group(1), i + 1
        if m.group(2):
            verb = "nothing"
        i += 1
        block = []
        while i < len(lines) and lines[i].startswith(("\t", " ")) and lines[i].strip():
            block.append(lines[i])
            i += 1
        element = None
        if verb in ("sends", "receives"):
            wrapped = "<root xmlns='%s' xmlns:scansion='%s'>%s</root>" % (CLIENT_NS, SCANSION_NS, "\n".join(block))
            element = list(ET.fromstring(wrapped))[0]
        actions.append((number, actor, verb, element))
        current = None
    return clients, actions


def split_tag(tag):
    return tuple(tag[1:].split("}", 1)) if tag.startswith("{") else ("", tag)


def escape(text, quote=False):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("'", "&apos;") if quote else text


def serialize(element, parent_ns, variables):
    ns, name = split_tag(element.tag)
    out = ["<", name]
    if ns != parent_ns:
        out.append(" xmlns='%s'" % escape(ns, True))
    for key, value in element.attrib.items():
        a_ns, a_name = split_tag(key)
        if a_ns == SCANSION_NS:
            continue
        prefix = "xml:" if a_ns == XML_NS else ""
        out.append(" %s%s='%s'" % (prefix, a_name, escape(variables(value), True)))
    children = list(element)
    text = element.text if element.text and element.text.strip() else ""
    if not children and not text:
        out.append("/>")
        return "".join(out)
    out.append(">" + escape(text))
    for child in children:
        out.append(serialize(child, ns, variables))
        if child.tail and child.tail.strip():
            out.append(escape(child.tail))
    out.append("</%s>" % name)
    return "".join(out)


def matches(expected, received, variables, captures):
    if expected.tag != received.tag:
        return False
    ns, _ = split_tag(expected.tag)
    mode = expected.attrib.get("{%s}strict" % SCANSION_NS)
    strict = (mode == "true") if mode is not None else ns != CLIENT_NS
    wanted = {k: v for k, v in expected.attrib.items() if split_tag(k)[0] != SCANSION_NS}
    for key, value in wanted.items():
        if key not in received.attrib:
            return False
        got = received.attrib[key]
        if value == "{scansion:any}":
            continue
        if value.startswith("{scansion:capture:"):
            name = value[len("{scansion:capture:"):-1]
            if name in captures and captures[name] != got:
                return False
            captures[name] = got
            continue
        if variables(value) != got:
            return False
    if strict and any(key not in wanted for key in received.attrib):
        return False
    text = (expected.text or "").strip()
    if text and text != (received.text or "").strip():
        return False
    wanted_children, got_children = list(expected), list(received)
    if strict:
        if len(wanted_children) != len(got_children):
            return False
        return all(matches(e, r, variables, captures) for e, r in zip(wanted_children, got_children))
    used = set()
    for child in wanted_children:
        for index, candidate in enumerate(got_children):
            if index in used:
                continue
            trial = dict(captures)
            if matches(child, candidate, variables, trial):
                captures.update(trial)
                used.add(index)
                break
        else:
            return False
    return True


class Connection:
    """One account: a socket, an incremental parser of its stream, and the stanzas not yet taken."""

    def __init__(self, name, properties, host, port):
        self.name = name
        jid = properties["jid"]
        self.bare, _, resource = jid.partition("/")
        self.user, _, self.domain = self.bare.partition("@")
        self.resource = resource or properties.get("resource") or uuid.uuid4().hex[:8]
        self.password = properties.get("password", "")
        self.host = properties.get("connect_host", host)
        self.port = int(properties.get("connect_port", port))
        self.queue = []
        self.closed_by_server = False
        self.full_jid = None
        self.sock = None

    def restart(self):
        self.parser = ET.XMLPullParser(events=("start", "end"))
        self.depth = 0
        self.sock.sendall(("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' "
                           "to='%s' version='1.0'>" % self.domain).encode())

    def feed(self, data, arrival):
        if not data:
            self.closed_by_server = True
            return
        self.parser.feed(data)
        for event, element in self.parser.read_events():
            if event == "start":
                self.depth += 1
            else:
                self.depth -= 1
                if self.depth == 1:
                    self.queue.append((element, arrival))
                elif self.depth == 0:
                    self.closed_by_server = True

    def next_element(self):
        while not self.queue:
            self.feed(self.sock.recv(65536), time.perf_counter())
            if self.closed_by_server and not self.queue:
                raise ScriptError("%s: the server closed the stream" % self.name)
        return self.queue.pop(0)[0]

    def connect(self):
        self.sock = socket.create_connection((self.host, self.port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.restart()
        self.next_element()  # features
        plain = base64.b64encode(("\0%s\0%s" % (self.user, self.password)).encode()).decode()
        self.sock.sendall(("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>%s</auth>"
                           % plain).encode())
        if not self.next_element().tag.endswith("}success"):
            raise ScriptError("%s: login refused" % self.name)
        self.restart()
        self.next_element()  # features
        self.sock.sendall(("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>%s"
                           "</resource></bind></iq>" % escape(self.resource)).encode())
        answer = self.next_element()
        self.full_jid = answer.find(".//{urn:ietf:params:xml:ns:xmpp-bind}jid").text
        self.sock.setblocking(False)

    def close(self):
        if self.sock is None:
            return
        try:
            self.sock.sendall(b"</stream:stream>")
        except OSError:
            pass


def pump(connections, timeout):
    """Waits up to timeout for any socket of the script and reads every readable one."""
    open_socks = {c.sock: c for c in connections if c.sock is not None and not c.closed_by_server}
    if not open_socks:
        time.sleep(max(0.0, timeout))
        return
    readable, _, _ = select.select(list(open_socks), [], [], max(0.0, timeout))
    now = time.perf_counter()
    for sock in readable:
        try:
            open_socks[sock].feed(sock.recv(65536), now)
        except (BlockingIOError, InterruptedError):
            pass


def run_script(path, options, figures):
    clients, actions = parse_script(path)
    connections = {name: Connection(name, props, options.host, options.port) for name, props in clients.items()}
    captures = {}

    def variables(value):
        def replace(m):
            name, full = m.group(1), m.group(2)
            return connections[name].full_jid if full else connections[name].bare
        return re.sub(r"\$\{(.+?)'s (full )?JID\}", replace, value)

    try:
        for number, actor, verb, element in actions:
            connection = connections[actor]
            action_start = time.perf_counter()
            if verb == "connects":
                started = time.perf_counter()
                figures.setdefault("first", started)
                connection.connect()
                figures["connects"].append(time.perf_counter() - started)
            elif verb == "disconnects":
                connection.close()
                connection.sock.close()
                connection.sock = None
            elif verb == "sends":
                if connection.sock is not None:
                    connection.sock.sendall(serialize(element, CLIENT_NS, variables).encode())
                    time.sleep(options.pause_ms / 1000.0)
            elif verb == "receives":
                deadline = time.perf_counter() + options.timeout
                while True:
                    if connection.queue:
                        received, arrival = connection.queue.pop(0)
                        trial = dict(captures)
                        if matches(element, received, variables, trial):
                            captures.update(trial)
                            figures["latencies"].append(time.perf_counter() - arrival)
                            break
                        continue
                    left = deadline - time.perf_counter()
                    if left <= 0 or connection.sock is None or connection.closed_by_server:
                        return "FAIL at line %d: no matching stanza" % number
                    pump(connections.values(), left)
            elif verb == "nothing":
                pump(connections.values(), 0.5)
                if connection.queue:
                    return "FAIL at line %d: received a stanza, expected nothing" % number
            figures["actions"].setdefault(verb, []).append(time.perf_counter() - action_start)
        figures["last"] = time.perf_counter()
        return None
    finally:
        live = [c for c in connections.values() if c.sock is not None]
        for c in live:
            c.close()
        deadline = time.perf_counter() + 5
        while any(not c.closed_by_server for c in live) and time.perf_counter() < deadline:
            pump(live, deadline - time.perf_counter())
        for c in live:
            c.sock.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5222)
    parser.add_argument("--pause-ms", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("paths", nargs="+")
    options = parser.parse_args()
    files = []
    for path in options.paths:
        if os.path.isdir(path):
            files += sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".scs"))
        else:
            files.append(path)
    figures = {"connects": [], "latencies": [], "actions": {}}
    passed = failed = 0
    for path in files:
        try:
            problem = run_script(path, options, figures)
        except (ScriptError, OSError, ET.ParseError) as e:
            problem = "ERROR: %s" % e
        if problem is None:
            passed += 1
            print("PASS %s" % os.path.basename(path))
        else:
            failed += 1
            print("FAIL %s: %s" % (os.path.basename(path), problem))
    latencies = sorted(figures["latencies"])
    if latencies and "last" in figures:
        print("reference: replay phase %.3f s" % (figures["last"] - figures["first"]))
        print("reference: arrival to verdict, %d stanzas: median %.3f ms, p99 %.3f ms" % (
            len(latencies), statistics.median(latencies) * 1000, latencies[int(len(latencies) * 0.99)] * 1000))
        print("reference: connect+login, %d connections: median %.2f ms" % (
            len(figures["connects"]), statistics.median(figures["connects"]) * 1000))
    for verb, times in sorted(figures["actions"].items()):
        print("reference: action '%s', %d times: median %.3f ms" % (verb, len(times), statistics.median(times) * 1000))
    print("reference: process from interpreter start to here %.3f s" % (time.perf_counter() - START))
    print("%d passed, %d failed" % (passed, failed))
    sys.exit(0 if failed == 0 else 1)


if __name__ == "__main__":
    main()
