#!/usr/bin/env bash
# Writes the seed corpus of each fuzz target from the repository's real
# files, and the dictionaries AFL++ splices tokens from:
#
#   fuzz/seed.sh
#
# - protocol: the built-in protocols without their comments, and a small
#   protocol per section kind cut from them;
# - plan_file, plan_link: files and links written by the CLI's `aftercare
#   share` (built-in and inline protocols, every clinic field, zones);
# - ipc_args: one JSON body per command with arguments, as the UI sends it.
#
# The committed corpus is this seed minimised with the queues of real runs
# (`fuzz/run cmin TARGET`); run this only to start again from the seeds.
# Needs the CLI: `cargo build --bin aftercare` at the root.
set -euo pipefail
cd "$(dirname "$0")"
cli=../target/debug/aftercare
[ -x "$cli" ] || {
  echo "fuzz/seed.sh: build the CLI first: cargo build --bin aftercare" >&2
  exit 1
}
for t in protocol plan_file plan_link ipc_args; do
  rm -rf corpus/$t
  mkdir -p corpus/$t
done
mkdir -p dict

python3 - <<'PY'
import pathlib, re
out = pathlib.Path("corpus/protocol")
blocks_by_kind = {}
for path in sorted(pathlib.Path("../protocols").glob("*.toml")):
    lines = [l for l in path.read_text().splitlines() if l.strip() and not l.lstrip().startswith("#")]
    text = "\n".join(lines) + "\n"
    (out / f"builtin-{path.stem}.toml").write_text(text)
    # The header (up to the first array table) and each [[kind]] block.
    head, *rest = re.split(r"(?m)^(?=\[\[)", text)
    for block in rest:
        kind = block.split("]]", 1)[0].strip("[")
        blocks_by_kind.setdefault(kind, []).append((head, block))
# A protocol needs a rule: the first one goes with each other kind.
first_rule = blocks_by_kind["rule"][0][1]
for kind, pairs in blocks_by_kind.items():
    head, block = pairs[0]
    (out / f"one-{kind}.toml").write_text(head + (first_rule if kind != "rule" else "") + block)
(out / "demo.toml").write_text(
    'format = 1\nid = "demo"\nname = "Demo clinic"\nsummary = "Two sessions, five dry days."\n'
    "[sessions]\nusual = 2\nmin = 2\nmax = 3\n"
    '[[rule]]\nactivity = "wash"\nstatus = "avoid"\nscope = "after_each"\nfrom_day = 1\nto_day = 5\n'
    'note = "keep your scalp dry"\n'
)

# Tokens: the protocol format's keys, tables and every snake_case word
# the engine accepts as a value (activities, statuses, scopes, symptoms).
words = set()
for src in ["../src/protocol/validate.rs", "../src/protocol/raw.rs", "../src/activity.rs",
            "../src/red_flag.rs", "../src/words.rs", "../src/protocol/mod.rs"]:
    words |= set(re.findall(r'"([a-z][a-z_]{1,24})"', pathlib.Path(src).read_text()))
for path in pathlib.Path("../protocols").glob("*.toml"):
    words |= set(re.findall(r"(?m)^([a-z_]+)(?:\.[a-z]+)? =", path.read_text()))
tables = ["[[rule]]", "[[care]]", "[[advice]]", "[[warning]]", "[sessions]", "[after_final]"]
syntax = [".en", ".es", " = ", "true", "false", '"""', "'''", "{", "}", "[", "]", "\\u", "366", "-1",
          "4294967296", "1e3", "1970-01-01", "2199-12-31"]
def dict_line(token):
    return '"' + token.replace("\\", "\\\\").replace('"', '\\"') + '"'
proto = sorted(words) + tables + syntax
pathlib.Path("dict/protocol.dict").write_text("\n".join(dict_line(t) for t in proto) + "\n")
plan = proto + ["smpplan", "protocol", "sessions", "planned", "zone", "inline_protocol", "[clinic]",
                "[inline_protocol]", "name", "phone", "email", "address", "Europe/London",
                "Pacific/Chatham", "Australia/Lord_Howe"]
pathlib.Path("dict/plan_file.dict").write_text("\n".join(dict_line(t) for t in plan) + "\n")
link = ["smp-aftercare://plan?", "v=1", "&p=", "&x=", "&s=", "&n=", "&z=", "&cn=", "&cp=", "&ce=",
        "&ca=", "&c=", "%2C", "%2F", "+", "four-to-thirty", "four-day-dry", "two-week-rest",
        "light-exercise-day-five", "2026-03-02", "1970-01-01", "2199-12-31", "Europe%2FLondon"]
pathlib.Path("dict/plan_link.dict").write_text("\n".join(dict_line(t) for t in link) + "\n")
PY

# Plan files and links, as the CLI writes them for a clinic.
share() {
  "$cli" share --clinic-name "Hairline Studio" --clinic-phone "0161 496 0000" \
    --clinic-email "care@hairline.example" "$@"
}
small=corpus/protocol/demo.toml
i=0
while read -r args; do
  i=$((i + 1))
  # shellcheck disable=SC2086
  share $args --out corpus/plan_file/share-$i.smpplan >/dev/null
  # shellcheck disable=SC2086
  share $args --link >corpus/plan_link/share-$i.txt 2>/dev/null || rm corpus/plan_link/share-$i.txt
done <<EOF
--protocol four-day-dry --session 2026-05-04
--protocol four-to-thirty --session 2026-03-02 --session 2026-03-16 --planned 3 --tz Europe/London
--protocol two-week-rest --session 1970-01-01 --tz Pacific/Chatham --clinic-address Leeds
--protocol light-exercise-day-five --session 2199-12-31 --tz Australia/Lord_Howe
--protocol $small --session 2026-03-02 --session 2026-04-01 --planned 2 --tz America/Sao_Paulo
--protocol corpus/protocol/one-warning.toml --session 2026-03-02
EOF
# The links without their trailing newline, as a QR code holds them.
for f in corpus/plan_link/*.txt; do printf '%s' "$(cat "$f")" >"$f"; done

# One body per command with arguments (src-tauri/src/commands/).
settings='{"reminders_enabled":true,"reminder_time":"09:00","quiet_hours":{"start":"22:00","end":"07:00"},"zone":{"mode":"fixed","zone":"Europe/London"},"launch_at_login":false,"clinic":{"name":"Hairline Studio","phone":"0161 496 0000","email":"care@hairline.example","address":""},"care_reminders":true,"language":"device"}'
link=$(cat corpus/plan_link/share-2.txt)
j=0
while read -r body; do
  j=$((j + 1))
  printf '%s' "$body" >corpus/ipc_args/body-$j.json
done <<EOF
{"care":"moisturise"}
{"from":"2026-03-02","to":"2026-04-01"}
{"protocol":"four-to-thirty","settings":$settings,"date":"2026-03-02"}
{"settings":{"reminders_enabled":false,"reminder_time":"9:00","quiet_hours":null,"zone":{"mode":"device"},"launch_at_login":true,"clinic":{"name":"","phone":"","email":"","address":""},"care_reminders":false,"language":"es"}}
{"source":{"kind":"link","link":"$link"},"fingerprint":"00"}
{"source":{"kind":"file","path":"/tmp/plan.smpplan"}}
{"date":"2026-03-03","symptoms":{"redness":"mild","itching":"none","scabs":"none","soreness":"none","swelling":"none","sunburn":"none"},"note":"a little red","photos":["0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"]}
{"date":null}
{"data":"iVBORw0KGgo="}
{"dates":["2026-03-03","2026-03-04"]}
{"id":"four-day-dry"}
{"id":7,"date":"2026-03-20"}
{"importedId":1}
{"sourceName":"clinic.toml","text":"format = 1\nid = \"demo\"\nname = \"Demo\"\nsummary = \"S\"\n[sessions]\nusual = 1\nmin = 1\nmax = 1\n"}
{"limit":5}
{"id":null,"text":"31/12/2026","order":"dmy"}
{"text":"12/31/2026","order":"mdy"}
{"planned":3}
EOF
echo "fuzz/seed.sh: $(for t in protocol plan_file plan_link ipc_args; do printf '%s %s files, ' $t "$(ls corpus/$t | wc -l)"; done)"
