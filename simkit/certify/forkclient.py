"""The grading kernel's command: hand the kernel's start to the fork server (:mod:`simkit.certify.forkserver`).

Run as ``python -I -S forkclient.py KERNEL-ARGS`` (standard library only, so it starts in a few
milliseconds). It sends the server the kernel's arguments, this folder, this environment and its
standard streams, passes on every signal it gets to the kernel's process group, and exits with
the kernel's exit code. Without a server it becomes the plain grading kernel
(``python -P -m simkit.certify.kernel KERNEL-ARGS``).
"""

import json
import os
import signal
import socket
import struct
import sys

SOCKET_ENV = "SIMKIT_FORKSERVER"  # as simkit.certify.forkserver.SOCKET_ENV
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2)


def plain_kernel(args):
    os.execv(sys.executable, [sys.executable, "-P", "-m", "simkit.certify.kernel", *args])


def main(args):
    path = os.environ.get(SOCKET_ENV)
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(path or "")
    except OSError:
        conn.close()
        plain_kernel(args)
    request = json.dumps({"argv": args, "cwd": os.getcwd(), "env": dict(os.environ)}).encode("utf-8")
    socket.send_fds(conn, [b"k"], [0, 1, 2])
    conn.sendall(struct.pack("!I", len(request)) + request)
    reader = conn.makefile("rb")
    line = reader.readline()
    if not line.strip().isdigit():
        sys.exit(1)  # the server refused or went away: the kernel never started
    pid = int(line)

    def forward(signum, frame):
        try:
            os.killpg(pid, signum)
        except OSError:  # not yet in its own group
            try:
                os.kill(pid, signum)
            except OSError:
                pass

    for signum in FORWARDED:
        signal.signal(signum, forward)
    while True:
        try:
            line = reader.readline()
            break
        except InterruptedError:
            continue
    words = line.split()
    code = int(words[1]) if len(words) == 2 and words[0] == b"exit" and words[1].lstrip(b"-").isdigit() else 1
    if code < 0:  # the kernel was killed by a signal: so is this, as jupyter_client would have seen it
        signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
    sys.exit(code)


if __name__ == "__main__":
    main(sys.argv[1:])
