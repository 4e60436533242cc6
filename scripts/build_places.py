#!/usr/bin/env python3
"""Used once to build gazetteer/places.tsv from ../shared/reference/jakarta_regions.tsv.

After that, gazetteer/places.tsv is the source of truth: edit it, not this script. Running the
script again rewrites the official-region rows and keeps every other row of places.tsv (landmarks,
buildings, areas) as it is.

Regions: cahyadsn/wilayah (MIT), data per Kepmendagri 300.2.2-2138/2025.

Usage: python3 scripts/build_places.py [REFERENCE_TSV] [PLACES_TSV]
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, "..", "..", "shared", "reference", "jakarta_regions.tsv")
PLACES = os.path.join(HERE, "..", "gazetteer", "places.tsv")
HEADER = ["id", "type", "name", "aliases", "acronyms", "code", "parent", "note"]
SOURCE_NOTE = "Kepmendagri 300.2.2-2138/2025 via cahyadsn/wilayah"

# Names as the news writes them, where the official spelling differs.
NEWS_NAMES = {
    "31.73.07": "Palmerah",        # official: Pal Merah
    "31.75.02": "Pulo Gadung",     # official: Pulogadung
    "31.75.04": "Kramat Jati",     # official: Kramatjati
    "31.75.04.1001": "Kramat Jati",
    "31.74.02.1001": "Setiabudi",  # official: Setia Budi
}

# Single words of official names that the news also writes as two words (and the reverse).
SPLITS = {
    "Kramatjati": "Kramat Jati", "Pulogadung": "Pulo Gadung", "Palmerah": "Pal Merah",
    "Setiabudi": "Setia Budi", "Rawasari": "Rawa Sari", "Rawamangun": "Rawa Mangun",
    "Rawajati": "Rawa Jati", "Jatipulo": "Jati Pulo", "Kalideres": "Kali Deres",
    "Kalibaru": "Kali Baru", "Kalibata": "Kali Bata", "Kalisari": "Kali Sari",
    "Balekambang": "Bale Kambang", "Pinangranti": "Pinang Ranti", "Palmeriam": "Pal Meriam",
    "Pulogebang": "Pulo Gebang", "Jatinegara": "Jati Negara", "Tanjungpriok": "Tanjung Priok",
}

# Further variants seen in news, by code.
EXTRA_ALIASES = {
    "31.01": ["Kabupaten Kepulauan Seribu", "Kab. Kepulauan Seribu", "Kabupaten Adm. Kepulauan Seribu",
              "Kab. Adm. Kepulauan Seribu", "Kep. Seribu", "Kep Seribu", "Pulau Seribu", "Pulau-Pulau Seribu"],
    "31.01.01": ["Kep. Seribu Utara", "Pulau Seribu Utara"],
    "31.01.02": ["Kep. Seribu Selatan", "Pulau Seribu Selatan"],
    "31.72.02": ["Tj. Priok"],
    "31.72.02.1001": ["Tj. Priok"],
    "31.74.03": ["Mampang"],
    "31.74.03.1001": ["Mampang"],
    "31.75.08": ["Makassar"],
    "31.75.08.1001": ["Makassar"],
    "31.75.08.1004": ["Halim Perdanakusuma", "Halim"],
    "31.73.01.1004": ["Kedaung Kaliangke"],
    "31.75.03.1002": ["Bidara China", "Bidaracina"],
}

KOTA_ACRONYMS = {"Pusat": "Jakpus", "Utara": "Jakut", "Barat": "Jakbar", "Selatan": "Jaksel", "Timur": "Jaktim"}
DIRECTIONS = {"Utara", "Selatan", "Timur", "Barat", "Tengah"}


def variants(name):
    """Spelling variants of a region name: joined and spaced forms, Kebon/Kebun."""
    out = []
    words = name.split()
    base = words[:-1] if len(words) > 1 and words[-1] in DIRECTIONS else words
    if len(base) == 2 and base[0] not in ("Pulau", "Kepulauan"):
        joined = base[0] + base[1].lower()
        out.append(" ".join([joined] + words[len(base):]))
    split_words = []
    changed = False
    for w in words:
        s = SPLITS.get(w)
        if s:
            split_words.append(s)
            changed = True
        else:
            split_words.append(w)
    if changed:
        out.append(" ".join(split_words))
    for a, b in (("Kebon", "Kebun"), ("Kebun", "Kebon")):
        if a in words:
            out.append(" ".join(b if w == a else w for w in words))
    return out


def unique(items, exclude):
    seen = {exclude.lower()}
    result = []
    for item in items:
        if item and item.lower() not in seen:
            seen.add(item.lower())
            result.append(item)
    return result


def region_rows(reference):
    rows = []
    with open(reference, encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            code, level, official, parent = r["code"], r["level"], r["name"], r["parent_code"]
            parent_id = f"place:{parent}" if parent else ""
            aliases, acronyms = [], []
            if level == "provinsi":
                kind, name = "provinsi", "DKI Jakarta"
                aliases = [official, "Daerah Khusus Ibu Kota Jakarta", "Provinsi DKI Jakarta",
                           "Provinsi Daerah Khusus Ibukota Jakarta", "Provinsi DKI", "Prov. DKI Jakarta", "Jakarta",
                           "Daerah Khusus Jakarta", "Provinsi Daerah Khusus Jakarta"]
                acronyms = ["DKI", "DKJ"]
            elif level == "kabkota" and official.startswith("Kota Administrasi "):
                kind = "kota"
                name = official[len("Kota Administrasi "):]
                aliases = [official, "Kota " + name, "Kota Adm. " + name, "Kotamadya " + name,
                           "Kota Administratif " + name]
                acronyms = [KOTA_ACRONYMS[name.split()[-1]]]
            elif level == "kabkota":
                kind = "kabupaten"
                name = official[len("Kabupaten Administrasi "):]
                aliases = [official]
            else:
                kind = level
                name = NEWS_NAMES.get(code, official)
                aliases = [official] + variants(official) + (variants(name) if name != official else [])
            aliases += EXTRA_ALIASES.get(code, [])
            note = SOURCE_NOTE if name == official else f"official name: {official}; {SOURCE_NOTE}"
            rows.append([f"place:{code}", kind, name, "|".join(unique(aliases, name)), "|".join(acronyms),
                         code, parent_id, note])
    return rows


def main():
    reference = sys.argv[1] if len(sys.argv) > 1 else REFERENCE
    places = sys.argv[2] if len(sys.argv) > 2 else PLACES
    regions = region_rows(reference)
    region_ids = {r[0] for r in regions}
    kept = []
    if os.path.exists(places):
        with open(places, encoding="utf-8") as f:
            for line in f.read().splitlines():
                fields = line.split("\t")
                if line.startswith("#") or not line.strip() or fields[0] == "id" or fields[0] in region_ids:
                    continue
                kept.append(line)
    with open(places, "w", encoding="utf-8") as f:
        f.write("\t".join(HEADER) + "\n")
        f.write("# Places of DKI Jakarta. Official regions: Kepmendagri 300.2.2-2138/2025 via cahyadsn/wilayah (MIT).\n")
        f.write("# aliases are matched case-insensitively, acronyms case-sensitively; | separates values.\n")
        for r in regions:
            f.write("\t".join(r) + "\n")
        f.write("# Landmarks, public buildings and areas that releases name.\n")
        for line in kept:
            f.write(line + "\n")


if __name__ == "__main__":
    main()
