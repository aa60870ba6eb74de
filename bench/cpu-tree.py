#!/usr/bin/env python3
"""cpu-tree.py OUT CMD...: runs CMD and writes "<wall s> <cpu s>" to OUT, cpu being user + sys of its whole process tree.

The tree includes processes that outlive their parent (the MuJoCo sidecars, which the JVM does not wait for): this
process is made a child subreaper (prctl PR_SET_CHILD_SUBREAPER), so orphans are re-parented here and reaped, and the
kernel adds their times to RUSAGE_CHILDREN. CPU time of the tree, unlike wall time, barely moves when other work
shares the machine, so before/after figures from a busy machine stay comparable."""
import ctypes, os, resource, subprocess, sys, time

PR_SET_CHILD_SUBREAPER = 36
if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
    sys.exit("cpu-tree: prctl(PR_SET_CHILD_SUBREAPER) failed; this needs Linux")
t0 = time.monotonic()
rc = subprocess.call(sys.argv[2:])
while True:  # the orphans: reaped only once they exit
    try:
        os.wait()
    except ChildProcessError:
        break
wall = time.monotonic() - t0
r = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as out:
    out.write(f"{wall:.2f} {r.ru_utime + r.ru_stime:.2f}\n")
sys.exit(rc)
