#!/usr/bin/env python3
"""Run one compiled program on a fresh pseudo-terminal, the way the lab's terminal runs it.

Reads one JSON request on standard input:
    {"exe": "/tmp/x/001_hello", "argv": ["001_hello", "a"], "stdin": "text" | null,
     "timeout": 10, "env": {"PATH": "/usr/bin:/bin"}, "cwd": "/tmp/x" (optional),
     "stdoutPipe": false (optional)}
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
  message such as "Segmentation fault" can land in the text. Core dumps are disabled
  (RLIMIT_CORE 0), and the signals Python ignores (SIGPIPE, SIGXFSZ) are restored to their
  defaults before exec.
- As under a job-control shell, the program is NOT the session leader: a small "shell" process
  makes the session (setsid, controlling terminal) and starts the program in its own foreground
  process group. So the program's children outlive it the way they do on a student's terminal:
  when the program exits first, its orphans keep running and writing (were the program the
  session leader, the kernel would send them SIGHUP). The shell reports the program's pid and
  wait status through a pipe, and stays alive until the terminal has closed.
- We read until every holder of the slave has closed it (EIO), so output written by the
  program's descendants, even after it exited, is captured too; then we collect its status.
- With "stdoutPipe", the shell runs the pipeline `./prog | cat`: the program's stdout is the
  write end of a pipe, and /bin/cat, in the program's process group, reads it and writes to the
  terminal; the program's stderr is the terminal itself. The status is still the program's.
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


def exec_program(request, slave, pipe_write=None):
    """In the program's process: own foreground process group on the terminal, then exec.
    With pipe_write, stdout is that pipe (`prog | cat`) instead of the terminal."""
    os.setpgid(0, 0)
    os.tcsetpgrp(slave, os.getpgrp())
    for fd in (0, 1, 2):
        os.dup2(slave, fd)
    if pipe_write is not None:
        os.dup2(pipe_write, 1)
        os.close(pipe_write)
    if slave > 2:
        os.close(slave)
    if request.get("cwd"):
        os.chdir(request["cwd"])
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    for sig in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT, signal.SIGTTOU):
        signal.signal(sig, signal.SIG_DFL)
    os.execve(request["exe"], request["argv"], request["env"])


def exec_cat(slave, pipe_read, group):
    """In cat's process (`prog | cat`): the program's process group, stdin the pipe, stdout and
    stderr the terminal; then /bin/cat."""
    try:
        os.setpgid(0, group)
    except OSError:
        pass  # the shell has put it there already (start_cat)
    os.dup2(pipe_read, 0)
    os.close(pipe_read)
    for fd in (1, 2):
        os.dup2(slave, fd)
    if slave > 2:
        os.close(slave)
    for sig in (signal.SIGPIPE, signal.SIGXFSZ, signal.SIGINT, signal.SIGTTOU):
        signal.signal(sig, signal.SIG_DFL)
    os.execv("/bin/cat", ["cat"])


def start_cat(slave, pipe_read, group):
    """Fork cat for `prog | cat` (exec_cat) into the program's process group; returns its pid."""
    pid = os.fork()
    if pid == 0:
        try:
            exec_cat(slave, pipe_read, group)
        finally:
            os._exit(127)
    try:
        os.setpgid(pid, group)  # before the program is reaped (its group would be gone), as shells do
    except OSError:
        pass  # cat has already joined it and exec'd
    return pid


def run_shell(request, slave, report):
    """In the shell's process: make the session, start the program, report its pid and status.

    Writes "PID STATUS\n" to the report pipe, then waits to be killed once the terminal has
    closed (leaving earlier would hang up the program's remaining descendants)."""
    os.setsid()
    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
    signal.signal(signal.SIGTTOU, signal.SIG_IGN)  # so the child may take the terminal (tcsetpgrp)
    pipe_read, pipe_write = os.pipe() if request.get("stdoutPipe") else (None, None)
    pid = os.fork()
    if pid == 0:
        try:
            if pipe_read is not None:
                os.close(pipe_read)
            exec_program(request, slave, pipe_write)
        finally:
            os._exit(127)
    try:
        os.setpgid(pid, pid)  # also done by the child: whichever runs first wins, as in shells
    except OSError:
        pass  # the child has already exec'd (its group is set)
    if pipe_read is not None:
        os.close(pipe_write)
        start_cat(slave, pipe_read, pid)
        os.close(pipe_read)
    os.close(slave)
    os.write(report, f"{pid} ".encode())
    _, status = os.waitpid(pid, 0)
    os.write(report, f"{status}\n".encode())
    os.close(report)
    while True:
        signal.pause()


def start_shell(request, slave):
    """Fork the shell. Returns (shell pid, read end of its report pipe)."""
    report_read, report_write = os.pipe()
    shell = os.fork()
    if shell == 0:
        try:
            os.close(report_read)
            run_shell(request, slave, report_write)
        finally:
            os._exit(127)
    os.close(report_write)
    return shell, report_read


def terminal_input(text):
    """The bytes to queue on the terminal: the text, then what makes the reader see end of file."""
    if text is None:
        return EOF_CHAR
    data = text.encode("utf-8")
    if data and not data.endswith(b"\n"):
        return data + EOF_CHAR + EOF_CHAR  # the first Ctrl-D pushes the partial line
    return data + EOF_CHAR


def read_until_closed(master, program_group, deadline):
    """Collect the terminal's output until no process holds the slave. Returns (bytes, timedOut)."""
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            kill_group(program_group())
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


def kill_group(pgid):
    if pgid is not None:
        try:
            os.killpg(pgid, signal.SIGKILL)
        except ProcessLookupError:
            pass


class ShellReport:
    """What the shell writes on its pipe: the program's pid, then its wait status."""

    def __init__(self, fd):
        self.fd = fd
        self.text = b""

    def read_available(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if ready:
            data = os.read(self.fd, 256)
            self.text += data
            return bool(data)
        return False

    def pid(self):
        while b" " not in self.text and self.read_available(0):
            pass
        return int(self.text.split(b" ")[0]) if b" " in self.text else None

    def status(self, deadline):
        """The program's wait status; kills its process group if it lingers past deadline."""
        while not self.text.endswith(b"\n"):
            if time.monotonic() > deadline:
                kill_group(self.pid())
                deadline = time.monotonic() + 2
            self.read_available(0.05)
        return int(self.text.split()[1])


def main():
    request = json.load(sys.stdin)
    master, slave = pty.openpty()
    configure_terminal(slave)
    os.write(master, terminal_input(request.get("stdin")))
    shell, report_fd = start_shell(request, slave)
    os.close(slave)
    report = ShellReport(report_fd)
    output, timed_out = read_until_closed(master, report.pid, time.monotonic() + request.get("timeout", 10))
    status = report.status(time.monotonic() + 2)
    os.kill(shell, signal.SIGKILL)
    os.waitpid(shell, 0)
    os.close(report_fd)
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
