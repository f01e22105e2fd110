# Held-out type accuracy on the NGEC synthetic stories (rows i % 5 == 4; never tuned on).
# usage: python3 benches/eval/ngec.py PATH/TO/newsevents
import csv, io, json, subprocess, collections, sys, tempfile, zipfile, os
z = zipfile.ZipFile('/work/shared/dev/ngec/gpt_synthetic_events_2023-10-19_19.csv.zip')
rows = list(csv.DictReader(io.TextIOWrapper(z.open(z.namelist()[0]), encoding='utf-8')))
TMP = tempfile.mkdtemp()
held = [(i, r) for i, r in enumerate(rows) if i % 5 == 4]
with open(os.path.join(TMP, 'ngec_held.jsonl'), 'w') as f:
    for i, r in held:
        f.write(json.dumps({"id": f"ngec-{i}", "url": f"https://example.org/ngec/{i}", "title": r['prompt'].split('\n')[0],
            "body": r['text'], "published_at": "2023-10-19T12:00:00Z", "source": r['source'] or "ngec", "language": "en"}) + "\n")
out = subprocess.run([sys.argv[1], 'extract', os.path.join(TMP, 'ngec_held.jsonl')], capture_output=True, text=True).stdout
types = collections.defaultdict(list)
for l in out.splitlines():
    e = json.loads(l)
    for s in e.get('sources', []):
        types[s['article_id']].append((e.get('confidence', 0), e['type'], (e.get('mode') or '')))
n = len(held); anyhit = top = none = modeok = 0
per = collections.Counter(); perok = collections.Counter()
for i, r in held:
    t = types.get(f"ngec-{i}", [])
    lab = r['label'].upper(); per[lab] += 1
    if not t: none += 1; continue
    if any(x[1] == lab for x in t): anyhit += 1
    best = max(t)
    if best[1] == lab: top += 1; perok[lab] += 1
    if any(x[1] == lab and x[2].upper() == r['mode'].upper() for x in t): modeok += 1
print(f"ngec held-out stories {n}: top-type accuracy {top/n:.3f}, label among types {anyhit/n:.3f}, type+mode {modeok/n:.3f}, no event {none/n:.3f}")
print("per label top-type acc:", ", ".join(f"{k} {perok[k]}/{per[k]}" for k, _ in per.most_common()))
