"""Starts remote labs' runners for a test program, as root (common/include/hpc/remote.hpp).

In a remote lab the test program never links the student's code: it asks for a runner, a process
of the lab's `runner` program that runs that code, and talks to it over a socket. As root the
grader starts each runner itself, under the same limits and isolation as the test but as a uid of
its own (sandbox role "runner"), so that student code can neither signal, trace nor write to the
test process, its report or its memory. The test asks through the socket it was given
(HPC_RUNNER_BROKER_FD):

    b"start"          -> b"pid=P uid=U", with the runner's end of a new socket pair attached
    b"status P"       -> how runner P ended ("was killed by signal 11 (SIGSEGV)", ...)

Without root no broker is made: the test starts the runner as its own child.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from grader.config import Limits
from grader.sandbox import Isolation, _apply_limits, _processes_of, kill_all_of, remove_files_of

STATUS_WAIT_S = 2.0  # a runner whose socket closed is given this long to finish dying


def describe_exit(returncode: int | None) -> str:
    if returncode is None:
        return "stopped answering (it still runs)"
    if returncode < 0:
        number = -returncode
        name = signal.Signals(number).name if number in signal.valid_signals() else "?"
        return f"was killed by signal {number} ({name})"
    return f"exited with code {returncode}"


class RunnerBroker:
    def __init__(self, program: Path, limits: Limits, env: dict[str, str], uid: int, scratch: Path,
                 isolation: Isolation):
        self.program, self.limits, self.uid, self.scratch, self.isolation = program, limits, uid, scratch, isolation
        self.env = {k: v for k, v in env.items() if k != "HPC_SEED" and not k.startswith("HPC_RUNNER")}
        self.ours, self.theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.runners: dict[int, subprocess.Popen] = {}
        self.new_outputs: list = []  # runners' output pipes not yet watched by the caller

    def test_fd(self) -> int:
        """The fd the test program inherits (HPC_RUNNER_BROKER_FD)."""
        return self.theirs.fileno()

    def fileno(self) -> int:
        return self.ours.fileno()

    def handle(self) -> None:
        """Answers one request of the test program."""
        try:
            request = self.ours.recv(512).decode(errors="replace")
        except OSError:
            return
        if request == "start":
            self._start()
        elif request.startswith("status "):
            self._send(self._status(request.split()[1]))

    def _send(self, text: str, fds: tuple[int, ...] = ()) -> None:
        try:
            socket.send_fds(self.ours, [text.encode()], list(fds))
        except OSError:
            pass

    def _start(self) -> None:
        work = self.scratch / f"runner-{len(self.runners)}"
        work.mkdir()
        os.chown(work, self.uid, self.uid)
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        isolation = Isolation(hidden=self.isolation.hidden, private_dirs=self.isolation.private_dirs, work_dir=work)
        env = dict(self.env, HOME=str(work), TMPDIR=str(work), HPC_RUNNER_FD=str(theirs.fileno()))
        try:
            runner = subprocess.Popen([str(self.program)], cwd=work, env=env, stdin=subprocess.DEVNULL,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, pass_fds=(theirs.fileno(),),
                                      start_new_session=True,
                                      preexec_fn=lambda: _apply_limits(self.limits, self.uid, isolation))
        except (OSError, subprocess.SubprocessError) as error:
            self._send(f"cannot start the runner: {error}")
            ours.close()
            theirs.close()
            return
        theirs.close()
        self.runners[runner.pid] = runner
        self.new_outputs.append(runner.stdout)
        self._send(f"pid={runner.pid} uid={self.uid}", (ours.fileno(),))
        ours.close()

    def _status(self, pid_text: str) -> str:
        runner = self.runners.get(int(pid_text)) if pid_text.isdigit() else None
        if runner is None:
            return "ended"
        deadline = time.monotonic() + STATUS_WAIT_S
        while runner.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        if runner.poll() is None:  # it closed its socket but lives on
            runner.kill()
            runner.wait()
        return describe_exit(runner.returncode)

    def close(self) -> int:
        """Kills every runner (and whatever they started); returns the most processes seen at once."""
        most = len(_processes_of(self.uid))
        for runner in self.runners.values():  # the grader's children: killed, then reaped
            if runner.poll() is None:
                runner.kill()
            runner.wait()
            runner.stdout.close()
        most = max(most, kill_all_of(self.uid))
        remove_files_of(self.uid)
        self.ours.close()
        self.theirs.close()
        return most
