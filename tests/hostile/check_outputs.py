"""kgraph writes only regular files it created, replaces them whole, and leaves no temporary file.

One case a run: check_outputs.py KGRAPH CASE. Each case builds an old output, does something
hostile (a path that is not a regular file, a full disk, a file-size limit, a signal, kill -9
in mid-write, a read-only folder) and checks the old output is intact (byte for byte), the
exit code and message, and that no ".NAME.kgraph-*" temporary is left. Cases that need root
(mounting a tmpfs) exit 77 (skipped) without it."""

import os
import random
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

SKIP = 77
SCALE = 1.0  # of the big corpus
FAST = ["--mentions", "off", "--cooccurrence", "off", "--layout", "none", "--metrics", "off",
        "-q"]


class Case:
    def __init__(self, kgraph, root):
        self.kgraph = kgraph
        self.root = root
        self.failures = 0

    def check(self, cond, what):
        print(("ok:   " if cond else "FAIL: ") + what)
        if not cond:
            self.failures += 1

    def run(self, *args, **kw):
        return subprocess.run([self.kgraph, "build", *args], capture_output=True, text=True, **kw)

    def small_corpus(self):
        d = os.path.join(self.root, "small")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "a.md"), "w") as f:
            f.write("# A\n[[B]] and [[C]]\n")
        return d

    def big_corpus(self, files=5000, links=150, targets=40000, name="big", scaled=True):
        """A folder whose GraphML is tens of MB: writing it takes long enough to be caught
        (a fifth of it for a sanitizer build, which writes five times slower)."""
        files = max(1, int(files * SCALE)) if scaled else files
        d = os.path.join(self.root, name)
        if os.path.isdir(d):
            return d
        os.makedirs(d)
        rng = random.Random(7)
        for i in range(files):
            with open(os.path.join(d, f"n{i}.md"), "w") as f:
                f.write(f"# Note {i}\n")
                f.write(" ".join(f"[[t{rng.randrange(targets)}]]" for _ in range(links)) + "\n")
        return d

    def temps(self, folder):
        return [n for n in os.listdir(folder) if ".kgraph-" in n]


def read(path):
    with open(path, "rb") as f:
        return f.read()


def folder_bytes(path):
    return {n: read(os.path.join(path, n)) for n in sorted(os.listdir(path))}


def mount_tmpfs(path, options):
    os.makedirs(path, exist_ok=True)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", path], capture_output=True)
    return r.returncode == 0


def umount(path):
    subprocess.run(["umount", "-l", path], capture_output=True)


# ---- the cases ---------------------------------------------------------------------------------

def case_not_regular(c):
    """A FIFO, a symlink, a device, a folder: usage error (2), left as they were."""
    src = c.small_corpus()
    fifo = os.path.join(c.root, "fifo")
    os.mkfifo(fifo)
    target = os.path.join(c.root, "target.json")
    with open(target, "w") as f:
        f.write("not ours")
    link = os.path.join(c.root, "link.json")
    os.symlink(target, link)
    paths = [fifo, link]  # never /dev/null itself: a kgraph without the fix would replace it
    if os.geteuid() == 0:
        dev = os.path.join(c.root, "null-device")
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        paths.append(dev)
    for p in paths:
        before = os.lstat(p)
        r = c.run(src, "-o", p, "-f", "json", "-O", *FAST)
        after = os.lstat(p)
        c.check(r.returncode == 2, f"-o {os.path.basename(p)} -O exits 2 (got {r.returncode})")
        c.check("name another path" in r.stderr, f"the message says what to do: {r.stderr.strip()}")
        c.check(stat.S_IFMT(before.st_mode) == stat.S_IFMT(after.st_mode) and
                before.st_ino == after.st_ino, f"{os.path.basename(p)} is still what it was")
    c.check(read(target) == b"not ours", "the symlink's target is untouched")
    r = c.run(src, "-o", os.path.join(c.root, "csv-file"), "-f", "neo4j-csv", *FAST)
    c.check(r.returncode == 0, "a folder format writes a new folder")
    with open(os.path.join(c.root, "csv-file", "mine.txt"), "w") as f:
        f.write("mine")
    r = c.run(src, "-o", os.path.join(c.root, "csv-file"), "-f", "neo4j-csv", "-O", *FAST)
    c.check(r.returncode == 2 and "mine.txt" in r.stderr,
            "a folder holding a file kgraph did not write is not replaced (exit 2, named)")
    c.check(read(os.path.join(c.root, "csv-file", "mine.txt")) == b"mine", "that file is kept")


def case_input_as_output(c):
    """-o naming an input (given directly, or found in an input folder): exit 2, input intact."""
    src = c.small_corpus()
    article = os.path.join(src, "a.md")
    before = read(article)
    for given in (article, src):
        r = c.run(given, "-o", article, "-f", "json", "-O", *FAST)
        c.check(r.returncode == 2 and "is an input" in r.stderr,
                f"input {os.path.basename(given)} as -o: exit 2 ({r.returncode}, {r.stderr.strip()})")
    r = c.run(src, "-o", os.path.join(c.root, "g.json"), "--report", article, "-O", *FAST)
    c.check(r.returncode == 2 and "is an input" in r.stderr, "input as --report: exit 2")
    c.check(read(article) == before, "the input is untouched")
    out = os.path.join(c.root, "g.json")
    r = c.run(src, "-o", out, "--report", out, *FAST)
    c.check(r.returncode == 2 and "also an output" in r.stderr, "--report equal to -o: exit 2")
    c.check(not os.path.exists(out), "nothing written")
    os.makedirs(os.path.join(c.root, "sub"), exist_ok=True)
    other_spelling = os.path.join(c.root, "sub", "..", "g.json")
    r = c.run(src, "-o", out, "--report", other_spelling, *FAST)
    c.check(r.returncode == 2 and "also an output" in r.stderr,
            "--report naming -o's new file another way: exit 2")
    c.check(not os.path.exists(out), "nothing written")


def case_mode_kept(c):
    """-O keeps a replaced file's permission bits; a new file gets 0666 & ~umask."""
    src = c.small_corpus()
    out = os.path.join(c.root, "g.json")
    old = os.umask(0o022)
    try:
        c.run(src, "-o", out, *FAST)
        c.check(stat.S_IMODE(os.stat(out).st_mode) == 0o644, "a new output is 0644 under umask 022")
        os.chmod(out, 0o600)
        r = c.run(src, "-o", out, "-O", *FAST)
        c.check(r.returncode == 0, "replaced")
        c.check(stat.S_IMODE(os.stat(out).st_mode) == 0o600,
                f"mode 0600 kept (got {oct(stat.S_IMODE(os.stat(out).st_mode))})")
        os.chmod(out, 0o640)
        c.run(src, "-o", out, "-O", *FAST)
        c.check(stat.S_IMODE(os.stat(out).st_mode) == 0o640, "mode 0640 kept")
    finally:
        os.umask(old)


def old_outputs(c, folder):
    """A small graph written as GraphML and as a CSV folder in `folder`; returns their bytes."""
    src = c.small_corpus()
    g = os.path.join(folder, "g.graphml")
    csv = os.path.join(folder, "csv")
    for args in ([g], [csv, "-f", "neo4j-csv"]):
        r = c.run(src, "-o", *args, *FAST)
        assert r.returncode == 0, r.stderr
    return g, csv, read(g), folder_bytes(csv)


def case_disk_full(c):
    """ENOSPC on a 2 MiB tmpfs: exit 1 with the reason; old file and old folder intact."""
    if os.geteuid() != 0:
        print("SKIP: mounting a tmpfs needs root")
        return SKIP
    mnt = os.path.join(c.root, "small-disk")
    if not mount_tmpfs(mnt, "size=2m"):
        print("SKIP: cannot mount a tmpfs here")
        return SKIP
    try:
        src = c.small_corpus()
        g = os.path.join(mnt, "g.graphml")
        csv = os.path.join(mnt, "csv")
        c.run(src, "-o", g, *FAST)
        c.run(src, "-o", csv, "-f", "neo4j-csv", *FAST)
        old_g, old_csv = read(g), folder_bytes(csv)
        big = c.big_corpus()
        for args, what in (([g], "file"), ([csv, "-f", "neo4j-csv"], "folder")):
            r = c.run(big, "-o", *args, "-O", *FAST)
            c.check(r.returncode == 1 and "No space left" in r.stderr,
                    f"{what}: exit 1 with the reason (got {r.returncode}: {r.stderr.strip()[-120:]})")
        c.check(read(g) == old_g, "the old GraphML file is intact")
        c.check(folder_bytes(csv) == old_csv, "the old CSV folder is intact: both files old")
        c.check(c.temps(mnt) == [], f"no temporary left ({c.temps(mnt)})")
    finally:
        umount(mnt)


def case_disk_fills_at_the_end(c):
    """The disk fills while the last file of a folder output is written, after the others are
    complete: the folder is still the old one as a whole (never a new edges.csv beside an old
    nodes.csv)."""
    if os.geteuid() != 0:
        print("SKIP: mounting a tmpfs needs root")
        return SKIP
    # Few nodes, many edges: nodes.csv (< 1 MiB) stays in its buffer until it is closed last.
    big = c.big_corpus(files=300, links=300, targets=1000, name="dense", scaled=False)
    probe = os.path.join(c.root, "probe")
    r = c.run(big, "-o", probe, "-f", "neo4j-csv", *FAST)
    assert r.returncode == 0, r.stderr
    sizes = {n: os.path.getsize(os.path.join(probe, n)) for n in os.listdir(probe)}
    assert sizes["nodes.csv"] < (1 << 20) and sizes["edges.csv"] > (1 << 20), sizes
    src = c.small_corpus()
    small = os.path.join(c.root, "probe-small")
    c.run(src, "-o", small, "-f", "neo4j-csv", *FAST)
    mnt = os.path.join(c.root, "small-disk")
    page = 4096
    pages = lambda n: (n + page - 1) // page
    # Room for the old folder, the new edges.csv and half the new nodes.csv.
    old_pages = sum(pages(os.path.getsize(os.path.join(small, n))) for n in os.listdir(small))
    room = old_pages + pages(sizes["edges.csv"]) + pages(sizes["nodes.csv"]) // 2
    if not mount_tmpfs(mnt, f"size={room * page}"):
        print("SKIP: cannot mount a tmpfs here")
        return SKIP
    try:
        csv = os.path.join(mnt, "csv")
        r = c.run(src, "-o", csv, "-f", "neo4j-csv", *FAST)
        c.check(r.returncode == 0, "the old folder is written")
        old = folder_bytes(csv)
        r = c.run(big, "-o", csv, "-f", "neo4j-csv", "-O", *FAST)
        c.check(r.returncode == 1 and "No space left" in r.stderr,
                f"exit 1, no space left ({r.returncode}: {r.stderr.strip()[-120:]})")
        c.check(folder_bytes(csv) == old, "both files are the old ones")
        c.check(c.temps(mnt) == [], f"no temporary left ({c.temps(mnt)})")
    finally:
        umount(mnt)


def case_file_too_large(c):
    """EFBIG under a 1 MiB file-size limit (ulimit -f): exit 1, old output intact, no temp."""
    folder = os.path.join(c.root, "out")
    os.makedirs(folder)
    g, csv, old_g, old_csv = old_outputs(c, folder)
    big = c.big_corpus()
    limit = lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))
    for args, what in (([g], "file"), ([csv, "-f", "neo4j-csv"], "folder")):
        r = c.run(big, "-o", *args, "-O", *FAST, preexec_fn=limit)
        c.check(r.returncode == 1 and "too large" in r.stderr,
                f"{what}: exit 1, 'File too large' (got {r.returncode}: {r.stderr.strip()[-100:]})")
    c.check(read(g) == old_g and folder_bytes(csv) == old_csv, "old outputs intact")
    c.check(c.temps(folder) == [], f"no temporary left ({c.temps(folder)})")


def written(path):
    """Bytes in a temporary file, or in the files of a temporary folder (0 if gone)."""
    try:
        if os.path.isdir(path):
            return sum(os.path.getsize(os.path.join(path, n)) for n in os.listdir(path))
        return os.path.getsize(path)
    except OSError:
        return 0


def start_and_catch_writing(c, out, extra=()):
    """Starts the big build and returns it once its temporary output exists (mid-write)."""
    big = c.big_corpus()
    folder = os.path.dirname(out)
    no_core = lambda: resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    p = subprocess.Popen([c.kgraph, "build", big, "-o", out, "-O", *FAST, *extra],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=no_core)
    deadline = time.time() + 60
    while time.time() < deadline and p.poll() is None:
        if any(written(os.path.join(folder, n)) > 0 for n in c.temps(folder)):
            return p
    return p


def case_signals(c):
    """SIGINT, SIGTERM, SIGHUP mid-write: the process dies of the signal, removes its temporary
    file (or folder), and the old output is intact."""
    folder = os.path.join(c.root, "out")
    os.makedirs(folder)
    g, csv, old_g, old_csv = old_outputs(c, folder)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        for out, extra in ((g, ()), (csv, ("-f", "neo4j-csv"))):
            p = start_and_catch_writing(c, out, extra)
            caught = p.poll() is None
            p.send_signal(sig)
            p.wait()
            c.check(caught, f"{sig.name}: caught mid-write")
            c.check(p.returncode == -sig, f"{sig.name}: died of the signal ({p.returncode})")
            c.check(c.temps(folder) == [], f"{sig.name}: no temporary left ({c.temps(folder)})")
    c.check(read(g) == old_g and folder_bytes(csv) == old_csv, "old outputs intact")


def case_crash_signals(c):
    """SIGQUIT and the signals of a crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) mid-write:
    the handler removes the temporary and re-raises, so the process still dies of the signal.
    Not under a sanitizer, which installs its own handlers for the crash signals."""
    if SCALE != 1.0:
        print("SKIP: a sanitizer build handles the crash signals itself")
        return SKIP
    folder = os.path.join(c.root, "out")
    os.makedirs(folder)
    g, _, old_g, _ = old_outputs(c, folder)
    for sig in (signal.SIGQUIT, signal.SIGSEGV, signal.SIGBUS, signal.SIGFPE, signal.SIGILL,
                signal.SIGABRT):
        p = start_and_catch_writing(c, g)
        caught = p.poll() is None
        p.send_signal(sig)
        p.wait()
        c.check(caught, f"{sig.name}: caught mid-write")
        c.check(p.returncode == -sig, f"{sig.name}: died of the signal ({p.returncode})")
        c.check(c.temps(folder) == [], f"{sig.name}: no temporary left ({c.temps(folder)})")
    c.check(read(g) == old_g, "the old output is intact")


def case_kill9(c):
    """kill -9 at random points of a large write: the old output is intact, and the next run
    that writes the same output removes what the killed run left."""
    folder = os.path.join(c.root, "out")
    os.makedirs(folder)
    g, csv, old_g, old_csv = old_outputs(c, folder)
    rng = random.Random(11)
    left = 0
    finished = 0
    for i in range(6):
        out, extra = (g, ()) if i % 2 == 0 else (csv, ("-f", "neo4j-csv"))
        p = start_and_catch_writing(c, out, extra)
        time.sleep(rng.uniform(0, 0.05))
        if p.poll() is not None:  # done before the kill: this point was past the write
            finished += 1
            g_now, csv_now = read(g), folder_bytes(csv)
            old_g, old_csv = g_now, csv_now  # the new outputs are the old ones from now on
            continue
        p.kill()
        p.wait()
        left += len(c.temps(folder))
        c.check(read(g) == old_g and folder_bytes(csv) == old_csv,
                f"kill -9 #{i}: old outputs intact")
    c.check(finished <= 3, f"most kills landed mid-write ({6 - finished} of 6)")
    c.check(left > 0, f"the killed runs left temporaries ({left}) for the next run to remove")
    src = c.small_corpus()
    r = c.run(src, "-o", g, "-o", os.path.join(folder, "other.json"), "-O", *FAST)
    r2 = c.run(src, "-o", csv, "-f", "neo4j-csv", "-O", *FAST)
    c.check(r.returncode == 0 and r2.returncode == 0, "the next runs succeed")
    c.check(c.temps(folder) == [], f"no temporary left after them ({c.temps(folder)})")
    # A temporary of a process that still runs is not touched.
    live = os.path.join(folder, f".g.graphml.kgraph-{os.getpid()}-abcdef")
    open(live, "w").close()
    c.run(src, "-o", g, "-O", *FAST)
    c.check(os.path.exists(live), "a live process's temporary is left alone")


def case_out_of_memory(c):
    """Memory runs out (ulimit -v 600 MB, a corpus that needs more): exit 1, 'out of memory',
    the old output intact and no temporary left. Not under a sanitizer (which reserves
    terabytes of address space)."""
    if SCALE != 1.0:
        print("SKIP: a sanitizer build cannot run under ulimit -v")
        return SKIP
    folder = os.path.join(c.root, "out")
    os.makedirs(folder)
    g = os.path.join(folder, "g.json")
    c.run(c.small_corpus(), "-o", g, *FAST)
    old = read(g)
    src = os.path.join(c.root, "links.md")
    with open(src, "w") as f:
        for start in range(0, 3_000_000, 10000):
            f.write("".join(f"[[a{i}]] " for i in range(start, start + 10000)))
    limit = lambda: resource.setrlimit(resource.RLIMIT_AS, (600 << 20, 600 << 20))
    r = c.run(src, "-o", g, "-O", *FAST, preexec_fn=limit)
    c.check(r.returncode == 1 and "out of memory" in r.stderr,
            f"exit 1, 'out of memory' ({r.returncode}: {r.stderr.strip()[-80:]})")
    c.check(read(g) == old, "the old output is intact")
    c.check(c.temps(folder) == [], f"no temporary left ({c.temps(folder)})")


def case_read_only(c):
    """A read-only folder: exit 2 before anything is read, with the reason."""
    src = c.small_corpus()
    if os.geteuid() == 0:
        folder = os.path.join(c.root, "ro")
        if not mount_tmpfs(folder, "ro,size=1m"):
            print("SKIP: cannot mount a read-only tmpfs here")
            return SKIP
    else:
        folder = os.path.join(c.root, "ro")
        os.makedirs(folder)
        os.chmod(folder, 0o555)
    try:
        for args in (["-o", os.path.join(folder, "g.json")],
                     ["-o", os.path.join(folder, "csv"), "-f", "neo4j-csv"]):
            r = c.run(src, *args, *FAST)
            c.check(r.returncode == 2 and "writable" in r.stderr,
                    f"{args[1]}: exit 2, says it must be writable ({r.returncode}: {r.stderr.strip()})")
        c.check(os.listdir(folder) == [], "nothing left in it")
    finally:
        if os.geteuid() == 0:
            umount(folder)


CASES = {n[5:]: f for n, f in globals().items() if n.startswith("case_")}


def main():
    global SCALE
    kgraph, name = sys.argv[1], sys.argv[2]
    if len(sys.argv) > 3 and sys.argv[3] == "--sanitizer":
        SCALE = 0.2
    root = tempfile.mkdtemp(prefix="kg-outputs-")
    try:
        c = Case(kgraph, root)
        status = CASES[name](c)
        if status == SKIP:
            return SKIP
        print("FAILED" if c.failures else "PASSED", f"({c.failures} failures)")
        return 1 if c.failures else 0
    finally:
        subprocess.run(["umount", "-l", os.path.join(root, "small-disk")], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
