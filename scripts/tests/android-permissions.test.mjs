// The Android manifest patch, on a manifest shaped like the one
// `tauri android init` writes (our own minimal copy) and through the CLI.
//
//   node --test scripts/tests/
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { addPermissions, FRAGMENT, permissionNames } from "../android-permissions.mjs";

const SCRIPT = fileURLToPath(new URL("../android-permissions.mjs", import.meta.url));
const GENERATED = `<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android">
    <uses-permission android:name="android.permission.INTERNET" />
    <application android:label="@string/app_name">
        <activity android:name=".MainActivity" android:exported="true" />
    </application>
</manifest>
`;
const dir = mkdtempSync(join(tmpdir(), "smp-android-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("android permissions", () => {
  it("declares notifications and exact alarms", () => {
    assert.deepEqual(permissionNames(readFileSync(FRAGMENT, "utf8")), [
      "android.permission.POST_NOTIFICATIONS",
      "android.permission.SCHEDULE_EXACT_ALARM",
    ]);
  });

  it("adds them inside <manifest>, before <application>, once", () => {
    const fragment = readFileSync(FRAGMENT, "utf8");
    const once = addPermissions(GENERATED, fragment);
    assert.deepEqual(permissionNames(once), [
      "android.permission.POST_NOTIFICATIONS",
      "android.permission.SCHEDULE_EXACT_ALARM",
      "android.permission.INTERNET",
    ]);
    assert.ok(once.indexOf("POST_NOTIFICATIONS") > once.indexOf("<manifest"));
    assert.ok(once.indexOf("POST_NOTIFICATIONS") < once.indexOf("<application"));
    assert.equal(addPermissions(once, fragment), once, "a second run changes nothing");
  });

  it("refuses a file without a <manifest> element", () => {
    assert.throws(() => addPermissions("<resources/>", readFileSync(FRAGMENT, "utf8")), /no <manifest> element/);
  });

  it("patches a file from the command line, and names a missing one", () => {
    const path = join(dir, "AndroidManifest.xml");
    writeFileSync(path, GENERATED);
    assert.match(execFileSync("node", [SCRIPT, path], { encoding: "utf8" }), /added 2 to /);
    assert.match(execFileSync("node", [SCRIPT, path], { encoding: "utf8" }), /already declares them all/);
    const missing = spawnSync("node", [SCRIPT, join(dir, "nope.xml")], { encoding: "utf8" });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^android-permissions: cannot read .*nope\.xml: ENOENT\n$/);
  });
});
