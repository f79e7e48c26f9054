#!/usr/bin/env python3
"""Run one compiled program on a fresh pseudo-terminal, the way the lab's terminal runs it.

Reads one JSON request on standard input:
    {"exe": "/tmp/x/001_hello", "argv": ["001_hello", "a"], "stdin": "text" | null,
     "timeout": 10, "env": {"PATH": "/usr/bin:/bin"}}
and writes one JSON reply on standard output:
    {"output": "<base64 of every byte the program wrote to the terminal>",
     "status": 0 | null, "signal": "SIGSEGV" | null, "timedOut": false}

How the terminal is set up, and why:
- stdin, stdout and stderr are all the pty's slave, which is the program's controlling terminal,
  so glibc sees a tty: stdout is line-buffered, stderr unbuffered, and reading stdin flushes
  line-buffered output first, exactly as a student's terminal behaves.
- Output post-processing (OPOST) is off, so the program's "\n" reaches us as "\n", not "\r\n":
  the recorded text is byte for byte what the program wrote.
- Echo is off and the input is queued before the program starts (canonical mode, ending with
  Ctrl-D for end of file), so the input never appears in the recorded text. The lab's terminal
  does not echo input either. A program without input gets end of file at once.
- The program is exec'd directly (no shell), so the status and signal are its own and no shell
  message such as "Segmentation fault" can land in the text. Core dumps are disabled, and the
  signals Python ignores (SIGPIPE, SIGXFSZ) are restored to their defaults before exec.
- We read until every holder of the slave has closed it (EIO), then reap the program, so output
  written by its descendants (a later multi-process corpus) is captured too.
"""
import base64
import fcntl
import json
import os
import pty
import resource
import select
import signal
import sys
import termios
import time

EOF_CHAR = b"\x04"  # VEOF in the default termios settings


def configure_terminal(fd):
    """Turn off output post-processing and every kind of echo on the pty slave."""
    attrs = termios.tcgetattr(fd)
    attrs[1] &= ~termios.OPOST
    attrs[3] &= ~(termios.ECHO | termios.ECHOE | termios.ECHOK | termios.ECHONL | termios.ECHOCTL)
    termios.tcsetattr(fd, termios.TCSANOW, attrs)


def start_program(request, slave):
    """Fork; the child makes the slave its controlling terminal and execs. Returns the child pid."""
    pid = os.fork()
    if pid != 0:
        return pid
    try:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        if slave > 2:
            os.close(slave)
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        for sig in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT):
            signal.signal(sig, signal.SIG_DFL)
        os.execve(request["exe"], request["argv"], request["env"])
    finally:
        os._exit(127)


def terminal_input(text):
    """The bytes to queue on the terminal: the text, then what makes the reader see end of file."""
    if text is None:
        return EOF_CHAR
    data = text.encode("utf-8")
    if data and not data.endswith(b"\n"):
        return data + EOF_CHAR + EOF_CHAR  # the first Ctrl-D pushes the partial line
    return data + EOF_CHAR


def read_until_closed(master, pid, deadline):
    """Collect the terminal's output until no process holds the slave. Returns (bytes, timedOut)."""
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            os.killpg(pid, signal.SIGKILL)
            return b"".join(chunks), True
        ready, _, _ = select.select([master], [], [], min(left, 0.5))
        if not ready:
            continue
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: every slave descriptor is closed
            return b"".join(chunks), False
        if not data:
            return b"".join(chunks), False
        chunks.append(data)


def reap(pid, deadline):
    """Wait for the program's own status; kill it if it lingers after closing the terminal."""
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        if time.monotonic() > deadline:
            os.killpg(pid, signal.SIGKILL)
            return os.waitpid(pid, 0)[1]
        time.sleep(0.01)


def main():
    request = json.load(sys.stdin)
    master, slave = pty.openpty()
    configure_terminal(slave)
    os.write(master, terminal_input(request.get("stdin")))
    pid = start_program(request, slave)
    os.close(slave)
    output, timed_out = read_until_closed(master, pid, time.monotonic() + request.get("timeout", 10))
    status = reap(pid, time.monotonic() + 2)
    os.close(master)
    reply = {
        "output": base64.b64encode(output).decode("ascii"),
        "status": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
        "signal": signal.Signals(os.WTERMSIG(status)).name if os.WIFSIGNALED(status) else None,
        "timedOut": timed_out,
    }
    json.dump(reply, sys.stdout)


if __name__ == "__main__":
    main()
