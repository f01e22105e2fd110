# Type accuracy on the PLOVER gold-standard records (CAMEO manual sentences), old labels mapped.
# usage: python3 benches/eval/gsr.py PATH/TO/newsevents
import json, subprocess, collections, sys, tempfile, os
TMP = tempfile.mkdtemp()
MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
d = [x for x in json.load(open('/work/shared/dev/plover/PLOVER_GSR_CAMEO.json')) if x.get('event') != 'DOCUMENT' and x.get('text')]
with open(os.path.join(TMP, 'gsr.jsonl'), 'w') as f:
    for i, x in enumerate(d):
        date = x.get('date') or '2000-01-01'
        f.write(json.dumps({"id": f"gsr-{i}", "body": x['text'], "published_at": date + "T12:00:00Z", "source": "gsr", "language": "en"}) + "\n")
out = subprocess.run([sys.argv[1], 'extract', os.path.join(TMP, 'gsr.jsonl')], capture_output=True, text=True).stdout
types = collections.defaultdict(list)
for l in out.splitlines():
    e = json.loads(l)
    for s in e.get('sources', []):
        types[s['article_id']].append((e.get('confidence', 0), e['type']))
n = len(d); anyhit = top = none = 0
per = collections.Counter(); ok = collections.Counter()
for i, x in enumerate(d):
    lab = MAP.get(x['event'], x['event']); per[lab] += 1
    t = types.get(f"gsr-{i}", [])
    if not t: none += 1; continue
    if any(y[1] == lab for y in t): anyhit += 1
    if max(t)[1] == lab: top += 1; ok[lab] += 1
print(f"PLOVER GSR sentences {n}: top-type accuracy {top/n:.3f}, label among types {anyhit/n:.3f}, no event {none/n:.3f}")
print("per label:", ", ".join(f"{k} {ok[k]}/{per[k]}" for k, _ in per.most_common()))
