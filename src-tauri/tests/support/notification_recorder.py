#!/usr/bin/python3
"""A tiny freedesktop notification server for tests.

Owns org.freedesktop.Notifications on the session bus, answers Notify,
GetCapabilities, GetServerInformation and CloseNotification, and appends
each notification it receives to OUTPUT_FILE as one JSON line:

    {"id": 1, "app_name": "...", "replaces_id": 0, "app_icon": "...",
     "summary": "...", "body": "...", "actions": [...],
     "hints": {"desktop-entry": "...", "urgency": 1, ...},
     "expire_timeout": -1}

Prints READY on stdout once it owns the name, so a test can send only
after that (otherwise the bus could auto-start a real server such as
dunst). Exits on SIGTERM/SIGINT or when the bus goes away.

GetCapabilities answers CAPABILITIES (comma separated; default
"body,persistence", a server that shows bodies as plain text); pass
"body,body-markup,persistence" to act like GNOME, KDE, dunst or mako.

Needs Debian's /usr/bin/python3 with python3-dbus and python3-gi.

Usage: notification_recorder.py OUTPUT_FILE [CAPABILITIES]
"""

import json
import signal
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


def plain(value):
    """D-Bus values to JSON-friendly Python values."""
    if isinstance(value, dbus.Boolean):
        return bool(value)
    if isinstance(value, (dbus.Byte, dbus.Int16, dbus.UInt16, dbus.Int32,
                          dbus.UInt32, dbus.Int64, dbus.UInt64)):
        return int(value)
    if isinstance(value, dbus.Double):
        return float(value)
    if isinstance(value, (dbus.String, dbus.ObjectPath, dbus.Signature)):
        return str(value)
    if isinstance(value, dbus.ByteArray):
        return list(bytearray(value))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return str(value)


class Recorder(dbus.service.Object):
    def __init__(self, bus, output, capabilities):
        super().__init__(bus, PATH)
        self.output = output
        self.capabilities = capabilities
        self.next_id = 1

    @dbus.service.method(NAME, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app_name, replaces_id, app_icon, summary, body, actions,
               hints, expire_timeout):
        if replaces_id:
            nid = int(replaces_id)
        else:
            nid = self.next_id
            self.next_id += 1
        record = {
            "id": nid,
            "app_name": str(app_name),
            "replaces_id": int(replaces_id),
            "app_icon": str(app_icon),
            "summary": str(summary),
            "body": str(body),
            "actions": [str(a) for a in actions],
            "hints": plain(hints),
            "expire_timeout": int(expire_timeout),
        }
        with open(self.output, "a", encoding="utf-8") as f:
            f.write(json.dumps(record) + "\n")
            f.flush()
        return dbus.UInt32(nid)

    @dbus.service.method(NAME, in_signature="", out_signature="as")
    def GetCapabilities(self):
        return dbus.Array(self.capabilities, signature="s")

    @dbus.service.method(NAME, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ("smp-aftercare-test-recorder", "smp-aftercare", "1.0", "1.2")

    @dbus.service.method(NAME, in_signature="u", out_signature="")
    def CloseNotification(self, nid):
        self.NotificationClosed(nid, dbus.UInt32(3))

    @dbus.service.signal(NAME, signature="uu")
    def NotificationClosed(self, nid, reason):
        pass

    @dbus.service.signal(NAME, signature="us")
    def ActionInvoked(self, nid, action_key):
        pass


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    capabilities = (sys.argv[2] if len(sys.argv) == 3 else "body,persistence").split(",")
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    bus.set_exit_on_disconnect(True)
    recorder = Recorder(bus, sys.argv[1], capabilities)
    reply = bus.request_name(NAME, dbus.bus.NAME_FLAG_DO_NOT_QUEUE)
    if reply not in (dbus.bus.REQUEST_NAME_REPLY_PRIMARY_OWNER,
                     dbus.bus.REQUEST_NAME_REPLY_ALREADY_OWNER):
        print(f"cannot own {NAME} (reply {reply}): another server has it",
              file=sys.stderr, flush=True)
        return 3
    loop = GLib.MainLoop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    print("READY", flush=True)
    loop.run()
    del recorder
    return 0


if __name__ == "__main__":
    sys.exit(main())
