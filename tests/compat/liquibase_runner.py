#!/usr/bin/env python3
"""Runs real Liquibase 4.28 (../shared/tools/liquibase.sh installs it) for the compatibility suite.

A fresh JVM per command costs seconds of CPU, and the suite runs a few hundred commands: by default
the commands go to LiquibaseServer.java, one JVM that runs Liquibase's own command line
(LiquibaseCommandLine.execute, what `liquibase` runs) once per command on a fresh scope. The first
command starts it; it stops after IDLE_SECONDS without commands, or on `liquibase_runner.py stop`.
LEDGERHOST_COMPAT_LIQUIBASE=process runs each command as `liquibase.sh` does instead (the check
that the server changes nothing: docs/compatibility.md).

  liquibase_runner.py --shared ../shared start|stop
"""
import argparse
import fcntl
import functools
import glob
import hashlib
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER_SOURCE = os.path.join(HERE, "LiquibaseServer.java")
IDLE_SECONDS = 300
REQUEST_TIMEOUT_SECONDS = 290
CACHE = os.path.join(os.path.expanduser("~/.cache"), "ledgerhost-compat")
# Per command in process mode: the client compiler alone and the serial collector halve the CPU a
# short JVM costs; the JVM's own log lines are off so that no warning reaches an update-sql script.
PROCESS_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:disable"


def home():
    return os.environ.get("LIQUIBASE_HOME", os.path.expanduser("~/.cache/liquibase-4.28.1"))


def process_mode():
    mode = os.environ.get("LEDGERHOST_COMPAT_LIQUIBASE", "server")
    if mode not in ("server", "process"):
        raise RuntimeError("LEDGERHOST_COMPAT_LIQUIBASE must be 'server' or 'process', not %r" % mode)
    return mode == "process"


def run(shared, args, cwd):
    """Liquibase with these arguments -> subprocess.CompletedProcess (text stdout and stderr).
    Every path in args must be absolute (the server's working directory is not cwd)."""
    script = os.path.join(shared, "tools/liquibase.sh")
    if process_mode():
        env = dict(os.environ)
        env.setdefault("JAVA_OPTS", PROCESS_JAVA_OPTIONS)
        return subprocess.run([script] + list(args), cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env)
    path = ensure_server(shared)
    exit_code, out, err = request(path, ["--show-banner=false"] + list(args))
    return subprocess.CompletedProcess([script] + list(args), exit_code, out, err)


def class_path(liquibase_home):
    """The jars LiquibaseLauncher (what `liquibase` runs) puts on its class path, in its order."""
    core = os.path.join(liquibase_home, "internal/lib/liquibase-core.jar")
    entries = [core]
    for folder in (os.path.join(liquibase_home, "lib"), os.path.join(liquibase_home, "internal/lib")):
        entries += [j for j in sorted(glob.glob(os.path.join(folder, "*.jar"))) if os.path.basename(j) != "liquibase-core.jar"]
        entries.append(folder)
    return ":".join(entries)


@functools.lru_cache(maxsize=None)
def socket_path():
    # One server per JDK, Liquibase installation and server source (hashed once per process).
    java = os.path.realpath(shutil.which("java") or "java")
    with open(SERVER_SOURCE, "rb") as f:
        source = f.read()
    key = hashlib.sha1(("%s %s " % (java, home())).encode() + source).hexdigest()[:12]
    return os.path.join(CACHE, "liquibase-%s.sock" % key)


def connect(path):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.connect(path)
    except OSError:
        s.close()
        return None
    return s


def ensure_server(shared):
    path = socket_path()
    probe = connect(path)
    if probe:
        probe.close()
        return path
    os.makedirs(CACHE, exist_ok=True)
    with open(path + ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one starter; the others wait for its server
        probe = connect(path)
        if probe:
            probe.close()
            return path
        if not os.path.exists(os.path.join(home(), "liquibase")):  # liquibase.sh installs it on first use
            r = subprocess.run([os.path.join(shared, "tools/liquibase.sh"), "--version"], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
            if r.returncode != 0:
                raise RuntimeError("installing Liquibase failed:\n" + r.stdout[-3000:])
        log = path[:-len(".sock")] + ".log"
        work = tempfile.mkdtemp(prefix="ledgerhost-liquibase-server-")  # an empty working directory
        env = dict(os.environ, LIQUIBASE_HOME=home())
        with open(log, "w") as log_file:
            server = subprocess.Popen(["java", "-Xmx1g", "-XX:+UseSerialGC", "-Xlog:disable", "-cp", class_path(home()),
                                       SERVER_SOURCE, path, str(IDLE_SECONDS)],
                                      cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=log_file,
                                      start_new_session=True)  # outlives this test; ctest must not wait for it
        deadline = time.time() + 120
        while time.time() < deadline:
            probe = connect(path)
            if probe:
                probe.close()
                return path
            if server.poll() is not None:
                with open(log) as f:
                    raise RuntimeError("the Liquibase server (%s) exited with %d:\n%s" %
                                       (SERVER_SOURCE, server.returncode, f.read()[-3000:]))
            time.sleep(0.1)
        server.kill()
        raise RuntimeError("the Liquibase server did not listen on %s within 120 s (log: %s)" % (path, log))


def receive(s, n):
    data = bytearray()
    while len(data) < n:
        try:
            chunk = s.recv(min(n - len(data), 1 << 20))
        except socket.timeout:
            raise RuntimeError("the Liquibase server did not answer within %d s (its log: %s)" %
                               (REQUEST_TIMEOUT_SECONDS, socket_path()[:-len(".sock")] + ".log"))
        if not chunk:
            raise RuntimeError("the Liquibase server closed the connection mid-answer (its log: %s)" %
                               (socket_path()[:-len(".sock")] + ".log"))
        data += chunk
    return bytes(data)


def request(path, args):
    s = connect(path)
    if s is None:
        raise RuntimeError("the Liquibase server at %s does not answer" % path)
    with s:
        s.settimeout(REQUEST_TIMEOUT_SECONDS)  # the server ends a command at 240 s; never wait forever
        message = struct.pack(">i", len(args))
        for arg in args:
            data = arg.encode()
            message += struct.pack(">i", len(data)) + data
        s.sendall(message)
        if not args:
            return None
        (exit_code,) = struct.unpack(">i", receive(s, 4))
        (n,) = struct.unpack(">i", receive(s, 4))
        out = receive(s, n).decode("utf-8", "replace")
        (n,) = struct.unpack(">i", receive(s, 4))
        err = receive(s, n).decode("utf-8", "replace")
        return exit_code, out, err


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.environ.get("LEDGERHOST_SHARED_DIR", os.path.join(HERE, "../../../shared")))
    ap.add_argument("action", choices=["start", "stop"])
    args = ap.parse_args()
    if process_mode():
        return 0
    if args.action == "start":
        # Started and checked with one command, so that a broken installation fails here, once.
        r = run(os.path.abspath(args.shared), ["--version"], HERE)
        if r.returncode != 0 or "4.28" not in r.stdout + r.stderr:
            print("Liquibase --version through the server failed (%d):\n%s%s" % (r.returncode, r.stdout, r.stderr))
            return 1
        print("Liquibase server on %s" % socket_path())
    else:
        path = socket_path()
        probe = connect(path)
        if probe:
            probe.close()
            request(path, [])
    return 0


if __name__ == "__main__":
    sys.exit(main())
