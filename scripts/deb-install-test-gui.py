#!/usr/bin/python3
"""The GUI half of scripts/deb-install-test.sh: starts the installed app from
its desktop entry, twice, and checks what it shows and delivers.

Run by that script inside `dbus-run-session`, with HOME and the XDG folders
in a temporary folder (so no real data is read or written):

    deb-install-test-gui.py DESKTOP_FILE RECORDER OUT_DIR

1. Starts Xvfb, and the notification recorder (RECORDER, the tests'
   notification_recorder.py) owning org.freedesktop.Notifications on this
   session bus.
2. First start, empty store: the desktop entry is launched the way a
   desktop launches it (GLib's GDesktopAppInfo, as `gio launch` and GNOME
   do: its Exec line, `%u` left out without a link). Waits for the log line
   "the reminder scheduler started on DIR", which names the store's folder
   under XDG_DATA_HOME, and for "Welcome" in the window's accessibility
   tree; screenshot welcome.png once drawn; stops the app.
3. Seeds that store (it now has its tables): one session five days before
   the app's today, the reminder time 11:58 in the UTC zone. The app is
   then started with SMP_AFTERCARE_TODAY (its clock starts at noon of that
   day) and TZ=UTC, so the day-6 reminder is two minutes old: due, within
   the scheduler's five-minute grace, and shown on its own at once.
4. Second start from the desktop entry: the recorder must get "Day 6: ..."
   from app_name "SMP Aftercare" within 60 s; the accessibility tree (AT-SPI)
   of the window must hold Today's heading, "Day 6 after session 1 of 3",
   and the screenshot today.png, taken once that is drawn, must not be
   blank (look at it: the colour count cannot tell a stale "Loading..."
   from Today).

Pictures go to OUT_DIR. Every process it starts is stopped by its pid;
exits non-zero naming the first check that failed.
"""

import datetime
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import gi

gi.require_version("Gdk", "3.0")
gi.require_version("Gio", "2.0")
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gdk, Gio, GLib  # noqa: E402

APP_NAME = "SMP Aftercare"
STARTED = "the reminder scheduler started on "
LOG_FILE = "smp-aftercare.log"
DB_FILE = "smp-aftercare.sqlite3"
# The default protocol's day-6 reminder, as the engine words it in English.
DAY6_SUMMARY = "Day 6: rinse and shave again"

failures = []


def say(line):
    print(f"deb-install-test: {line}", flush=True)


def check(ok, what):
    say(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)
    return ok


def descendants(pid):
    """pid and every process below it, from /proc (deepest last)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def stop(pid, name):
    """Stops pid and its children (WebKit's processes) by their ids."""
    tree = descendants(pid)
    for p in tree:
        try:
            os.kill(p, signal.SIGTERM)
        except ProcessLookupError:
            pass
    deadline = time.time() + 5
    for p in tree:
        while time.time() < deadline:
            try:
                if os.waitpid(p, os.WNOHANG) != (0, 0):
                    break
            except ChildProcessError:
                # Not our child: gone when /proc says so.
                if not os.path.exists(f"/proc/{p}"):
                    break
            time.sleep(0.1)
    for p in tree:
        try:
            os.kill(p, signal.SIGKILL)
            os.waitpid(p, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
    say(f"stopped {name} (pids {' '.join(map(str, tree))})")


def start_xvfb():
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x900x24", "-nolisten", "tcp"],
        pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as r:
        number = r.readline().strip()
    if not number:
        raise SystemExit("deb-install-test: Xvfb did not start")
    os.environ["DISPLAY"] = f":{number}"
    return xvfb


def start_recorder(recorder, out):
    proc = subprocess.Popen(["/usr/bin/python3", recorder, out],
                            stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    if line != "READY":
        raise SystemExit("deb-install-test: the notification recorder did not start "
                         "(is another server on this bus?)")
    return proc


def launch(desktop_file, env):
    """Launches the desktop entry as a desktop does; returns the app's pid."""
    info = Gio.DesktopAppInfo.new_from_filename(desktop_file)
    if info is None:
        raise SystemExit(f"deb-install-test: GLib cannot read {desktop_file}")
    ctx = Gio.AppLaunchContext()
    for k, v in env.items():
        ctx.setenv(k, v)
    pids = []
    info.launch_uris_as_manager(
        [], ctx, GLib.SpawnFlags.SEARCH_PATH | GLib.SpawnFlags.DO_NOT_REAP_CHILD,
        None, None, lambda _info, pid, *_: pids.append(pid), None)
    if not pids:
        raise SystemExit(f"deb-install-test: launching {desktop_file} gave no process")
    say(f"started {info.get_commandline()!r} from {desktop_file} (pid {pids[0]})")
    return pids[0]


def wait_for(what, test, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        got = test()
        if got:
            return got
        time.sleep(0.25)
    return None


def log_line(data_home):
    """The store folder named by the app's log line, once written."""
    for root, _dirs, files in os.walk(data_home):
        if LOG_FILE in files:
            with open(os.path.join(root, LOG_FILE), encoding="utf-8", errors="replace") as f:
                for line in f:
                    if STARTED in line:
                        return line.split(STARTED, 1)[1].strip()
    return None


def grab():
    """The whole virtual screen: (pixbuf, its pixels)."""
    display = Gdk.Display.open(os.environ["DISPLAY"])
    root = display.get_default_screen().get_root_window()
    pix = Gdk.pixbuf_get_from_window(root, 0, 0, root.get_width(), root.get_height())
    return pix, bytes(pix.get_pixels())


def screenshot(path, timeout=45, changed_from=None):
    """Waits until the screen is drawn (more than a few colours) and has not
    changed for two seconds (WebKit paints in software under Xvfb, several
    seconds late on a loaded machine), saves it as a PNG; returns how many
    colours it has. With `changed_from` (a grab's pixels), first waits up to
    20 s for the screen to differ from it: the DOM can hold the new screen
    while the old one is still drawn."""
    deadline = time.time() + timeout
    pix, last = grab()
    if changed_from is not None:
        until = time.time() + 20
        while last == changed_from and time.time() < until:
            time.sleep(0.5)
            pix, last = grab()
    same_since = time.time()
    while time.time() < deadline:
        time.sleep(0.5)
        pix, now = grab()
        if now != last:
            last, same_since = now, time.time()
        elif time.time() - same_since >= 2 and len(colours(pix, now)) > 8:
            break
    pix.savev(path, "png", [], [])
    n = len(colours(pix, last))
    say(f"screenshot {path} ({pix.get_width()}x{pix.get_height()}, {n} colours sampled)")
    return n


def colours(pix, data, step=7):
    n = pix.get_n_channels()
    return {data[i:i + 3] for i in range(0, len(data) - 3, n * step)}


def app_texts(pid):
    """Every name and text in the accessibility tree of the app's window."""
    texts = []
    Atspi.init()
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is None:
            continue
        try:
            if app.get_process_id() not in descendants(pid):
                continue
        except GLib.Error:
            continue
        todo = [app]
        while todo and len(texts) < 5000:
            node = todo.pop()
            try:
                name = node.get_name()
                if name:
                    texts.append(name)
                if "Text" in node.get_interfaces():
                    content = Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))
                    if content:
                        texts.append(content)
                for j in range(node.get_child_count()):
                    child = node.get_child_at_index(j)
                    if child is not None:
                        todo.append(child)
            except GLib.Error:
                continue
    return texts


def shown(app, heading, which, picture, started):
    """Checks that the window shows `heading`: in its accessibility tree (the
    DOM), then on screen once drawn (the picture, to look at). Returns the
    tree's texts."""
    def found():
        texts = app_texts(app)
        return texts if heading in texts else None

    texts = wait_for(heading, found, 45) or app_texts(app)
    check(heading in texts,
          f"{which}: the window shows {heading!r} in its accessibility tree "
          f"({len(texts)} texts, {time.time() - started:.1f} s after the start)")
    _, drawn = grab()
    check(screenshot(picture, changed_from=drawn) > 8,
          f"{which}: the screen is not blank ({time.time() - started:.1f} s after the start)")
    return texts


def main():
    desktop_file, recorder_script, out_dir = sys.argv[1:4]
    data_home = os.environ["XDG_DATA_HOME"]
    notes = os.path.join(out_dir, "notifications.jsonl")
    open(notes, "w").close()

    xvfb = start_xvfb()
    recorder = start_recorder(recorder_script, notes)
    today = datetime.date.today()
    session = today - datetime.timedelta(days=5)
    env = {"TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    app = None
    try:
        # First start: an empty store, from the desktop entry.
        first = time.time()
        app = launch(desktop_file, env)
        store_dir = wait_for("the log line", lambda: log_line(data_home), 60)
        if not check(store_dir is not None and store_dir.startswith(data_home),
                     f"first start: the log says the scheduler started, on a store under "
                     f"XDG_DATA_HOME ({store_dir})"):
            return 1
        shown(app, "Welcome", "first start", os.path.join(out_dir, "welcome.png"), first)
        stop(app, "the app (first start)")
        app = None

        # The plan: a session five days ago, the reminder time two minutes
        # before the app's noon.
        db = sqlite3.connect(os.path.join(store_dir, DB_FILE))
        with db:
            db.execute("INSERT INTO sessions (date) VALUES (?)", (session.isoformat(),))
            db.execute("INSERT INTO settings (id, json) VALUES (1, ?)", (json.dumps(
                {"reminder_time": "11:58", "zone": {"mode": "fixed", "zone": "UTC"}}),))
        db.close()
        say(f"seeded the store: session {session}, reminder time 11:58 UTC, "
            f"SMP_AFTERCARE_TODAY={today}")

        # Second start: Today, and the reminder.
        env["SMP_AFTERCARE_TODAY"] = today.isoformat()
        started = time.time()
        app = launch(desktop_file, env)

        def delivered():
            with open(notes, encoding="utf-8") as f:
                return [json.loads(line) for line in f if line.strip()]

        got = wait_for("the reminder", delivered, 60)
        took = time.time() - started
        check(bool(got), f"a notification arrived within 60 s ({took:.1f} s after the start)")
        if got:
            n = got[0]
            say(f"notification: {json.dumps(n)}")
            check(n["app_name"] == APP_NAME, f"it is from {APP_NAME!r} ({n['app_name']!r})")
            check(n["summary"] == DAY6_SUMMARY, f"it is the day-6 reminder ({n['summary']!r})")
            check(n["hints"].get("desktop-entry") in ("smp-aftercare", "SMP Aftercare"),
                  f"it names the desktop entry ({n['hints'].get('desktop-entry')!r})")

        texts = shown(app, "Day 6 after session 1 of 3", "second start",
                      os.path.join(out_dir, "today.png"), started)
        with open(os.path.join(out_dir, "today-texts.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(texts) + "\n")
    finally:
        if app is not None:
            stop(app, "the app")
        recorder.terminate()
        recorder.wait(5)
        xvfb.terminate()
        xvfb.wait(5)
    if failures:
        say(f"{len(failures)} GUI check(s) failed: {'; '.join(failures)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
