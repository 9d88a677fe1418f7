#!/usr/bin/python3
"""Builds the Vazirmatn faces the PDFs embed: Vazirmatn 33.0.3 with every lam-alef drawn by two glyphs, not one ligature,
and its Persian-digit set (ss01) usable in Persian text.

Why: Vazirmatn joins lam and alef into one ligature glyph (uniFEFB, uniFEF7, ...). Chromium maps that glyph to the two
letters «لا», and text extractors that read right-to-left lines by position (poppler's pdftotext, and indexers built
on it) spread the two letters over the glyph left to right and so read «ال»: «لازم» came out «الزم». Here each
ligature is made by a contextual substitution instead: lam takes a glyph that draws the whole lam-alef, alef takes an
empty glyph of no width. Every glyph stands for one letter, so the text layer reads as written; the page looks the same.

Vazirmatn offers ss01 (Latin digits drawn as Persian digits) only to Latin script runs; Chromium shapes a number inside
Persian text as Persian script, so ss01 is added there too. The papers turn it on: identifiers such as 08-1405-00012 stay
Latin digits in the text layer (found by a search for what a clerk types) and look Persian on paper.

Run from this folder with Debian's python3-fonttools and python3-brotli:
    /usr/bin/python3 split_lam_alef.py ../../../wwwroot-assets/node_modules/vazirmatn/fonts/webfonts
"""
import copy
import sys
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import otTables as ot
from fontTools.ttLib.tables._g_l_y_f import Glyph

LAMS = ("uniFEDF", "uniFEE0", "uni06B5.init", "uni06B5.medi")  # lam, initial and medial, as joining leaves it


def split(path, out):
    font = TTFont(path)
    gsub = font["GSUB"].table
    lookups = gsub.LookupList.Lookup
    # (lookup index, alef, {lam: ligature}) for every two-letter ligature that starts with a lam
    found = {}
    for n, lookup in enumerate(lookups):
        if lookup.LookupType != 4:
            continue
        for sub in lookup.SubTable:
            for lam in LAMS:
                for lig in list(sub.ligatures.get(lam, [])):
                    if len(lig.Component) == 1:
                        found.setdefault(n, {}).setdefault(lig.Component[0], {})[lam] = lig.LigGlyph
                        sub.ligatures[lam].remove(lig)
                if lam in sub.ligatures and not sub.ligatures[lam]:
                    del sub.ligatures[lam]

    # A contextual lookup in each ligature lookup's place, so it runs at the same moment of shaping.
    contextual = {}
    for n in sorted(found, reverse=True):
        lookup = ot.Lookup()
        lookup.LookupType, lookup.LookupFlag = 6, lookups[n].LookupFlag  # skips marks as the ligature did
        lookup.SubTable = []
        lookups.insert(n, lookup)
        renumber(gsub, n)
        contextual = {k + 1 if k >= n else k: v for k, v in contextual.items()}
        contextual[n] = found[n]

    order = list(font.getGlyphOrder())
    glyf, hmtx = font["glyf"], font["hmtx"]

    def add(name, glyph, metrics):
        order.append(name)
        glyf.glyphs[name] = glyph
        hmtx[name] = metrics

    for n, alefs in contextual.items():
        for alef, ligatures in alefs.items():
            draws = {}
            for lam, lig in ligatures.items():
                draws[lam] = lig + ".lam"
                if draws[lam] not in glyf.glyphs:
                    add(draws[lam], copy.deepcopy(glyf[lig]), hmtx[lig])
            empty = alef + ".lamalef"
            if empty not in glyf.glyphs:
                add(empty, Glyph(), (0, 0))
            font.setGlyphOrder(order)
            glyf.setGlyphOrder(order)
            rule = ot.ChainContextSubst()
            rule.Format = 3
            rule.BacktrackGlyphCount, rule.BacktrackCoverage = 0, []
            rule.InputGlyphCount, rule.InputCoverage = 2, [coverage(draws, font), coverage([alef], font)]
            rule.LookAheadGlyphCount, rule.LookAheadCoverage = 0, []
            rule.SubstLookupRecord = [record(0, single(gsub, draws)), record(1, single(gsub, {alef: empty}))]
            rule.SubstCount = 2
            lookups[n].SubTable.append(rule)
        lookups[n].SubTableCount = len(lookups[n].SubTable)
    gsub.LookupList.LookupCount = len(lookups)
    ss01 = [i for i, r in enumerate(gsub.FeatureList.FeatureRecord) if r.FeatureTag == "ss01"]
    for script in (r.Script for r in gsub.ScriptList.ScriptRecord if r.ScriptTag == "arab"):
        for lang in [script.DefaultLangSys] + [r.LangSys for r in script.LangSysRecord]:
            lang.FeatureIndex = sorted(set(lang.FeatureIndex) | set(ss01))
            lang.FeatureCount = len(lang.FeatureIndex)
    font["maxp"].numGlyphs = len(order)
    font.flavor = "woff2"
    font.save(out)


def single(gsub, mapping):
    lookup = ot.Lookup()
    lookup.LookupType, lookup.LookupFlag = 1, 0
    sub = ot.SingleSubst()
    sub.mapping = dict(mapping)
    lookup.SubTable, lookup.SubTableCount = [sub], 1
    gsub.LookupList.Lookup.append(lookup)
    return len(gsub.LookupList.Lookup) - 1


def record(index, lookup):
    r = ot.SubstLookupRecord()
    r.SequenceIndex, r.LookupListIndex = index, lookup
    return r


def coverage(glyphs, font):
    c = ot.Coverage()
    c.glyphs = sorted(glyphs, key=font.getGlyphID)
    return c


def renumber(gsub, inserted):
    """Lookup indices at or after the inserted one move up by one; the new lookup joins the features of the one it precedes."""
    shift = lambda i: i + 1 if i >= inserted else i
    for feature in (r.Feature for r in gsub.FeatureList.FeatureRecord):
        indices = [shift(i) for i in feature.LookupListIndex]
        if inserted + 1 in indices:
            indices.append(inserted)
        feature.LookupListIndex = sorted(indices)
        feature.LookupCount = len(indices)
    for n, lookup in enumerate(gsub.LookupList.Lookup):
        if n == inserted:
            continue
        for sub in lookup.SubTable:
            sub = sub.ExtSubTable if lookup.LookupType == 7 else sub
            for r in records(sub):
                r.LookupListIndex = shift(r.LookupListIndex)


def records(sub):
    yield from getattr(sub, "SubstLookupRecord", None) or []
    for sets in ("ChainSubRuleSet", "SubRuleSet", "ChainSubClassSet", "SubClassSet"):
        for rule_set in getattr(sub, sets, None) or []:
            for rules in ("ChainSubRule", "SubRule", "ChainSubClassRule", "SubClassRule"):
                for rule in getattr(rule_set, rules, None) or [] if rule_set else []:
                    yield from rule.SubstLookupRecord


if __name__ == "__main__":
    source = sys.argv[1]
    for face in ("Regular", "Bold"):
        split(f"{source}/Vazirmatn-{face}.woff2", f"Vazirmatn-{face}.woff2")
