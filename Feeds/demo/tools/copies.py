"""Which copy of which story lives on which site, and the wire-copy edits that made it.

Edit vocabulary (applied in this order by generate.py):
  merge N        paragraphs N and N+1 joined into one
  split N        paragraph N split in two at its middle sentence
  drop_last N    the last N paragraphs dropped
  subs [(a, b)]  whole-word substitutions (said -> says, percent -> %, ...)
  dateline D     "D — " put before the first paragraph
  note_top T     an editor's line before the text ("This story was first published by ...")
  note_end T     the same line after the text
The headline of each copy is given in full (a new headline is itself an edit).
"""

NW = "This story was first published by Northwind Wire and is republished with permission."

COPIES = [
    # --- S1: the seed example's story, four copies -------------------------------------------------
    dict(story="s1-limousine", site="northwind-wire", file="putin-kim-aurus-limousine.html",
         published="2026-11-24T08:15:00Z", role="origin",
         headline="Putin gives Kim Jong Un a Russian-made Aurus limousine",
         edits=[("dateline", "MOSCOW (Northwind Wire)")]),
    dict(story="s1-limousine", site="harbour-courier", file="putin-gifts-kim-jong-un-luxury-russian-limousine.html",
         published="2026-11-24T11:02:00Z", role="copy",
         headline="Putin gifts Kim Jong Un luxury Russian Limousine, strengthening diplomatic ties",
         edits=[]),
    dict(story="s1-limousine", site="meridian-daily", file="kremlin-putin-presented-kim-aurus.html",
         published="2026-11-24T14:30:00Z", role="copy",
         headline="Kremlin says Putin presented Kim with an Aurus limousine",
         edits=[("drop_last", 1), ("subs", [("revealed", "said"), ("limousine", "limo")]),
                ("note_end", "This story was first published by Northwind Wire.")]),
    dict(story="s1-limousine", site="capital-brief", file="limo-diplomacy-putin-aurus-gift-kim.html",
         published="2026-11-25T07:05:00Z", role="copy",
         headline="Limo diplomacy: Putin\u2019s Aurus gift to Kim underlines Moscow\u2013Pyongyang warmth",
         edits=[("merge", 0), ("drop_last", 2),
                ("subs", [("amidst", "amid"), ("armored", "armoured"), ("neighboring", "neighbouring")])]),

    # --- S2: port strike, five copies ---------------------------------------------------------------
    dict(story="s2-port-strike", site="northwind-wire", file="halvard-dockworkers-72-hour-strike.html",
         published="2026-11-26T07:20:00Z", role="origin",
         headline="Halvard dockworkers begin 72-hour strike over automated cranes",
         edits=[("dateline", "HALVARD, Ostmark (Northwind Wire)")]),
    dict(story="s2-port-strike", site="harbour-courier", file="port-of-halvard-strike-dockers-walk-out.html",
         published="2026-11-26T09:45:00Z", role="copy",
         headline="Port of Halvard strike: 2,300 dockers walk out over crane automation",
         edits=[("dateline", "HALVARD, Ostmark (Northwind Wire)"), ("note_top", NW)]),
    dict(story="s2-port-strike", site="lakeside-post", file="halvard-port-grinds-to-a-halt.html",
         published="2026-11-26T10:30:00Z", role="copy",
         headline="Halvard port grinds to a halt as dockworkers strike over robot cranes",
         edits=[("drop_last", 1), ("dateline", "HALVARD")]),
    dict(story="s2-port-strike", site="valley-ledger", file="halvard-dockworkers-strike.html",
         published="2026-11-26T12:10:00Z", role="copy",
         headline="Halvard dockworkers begin 72-hour strike over automated cranes",
         edits=[("split", 1), ("subs", [("said", "says"), (" percent", "%")]),
                ("dateline", "HALVARD (Northwind Wire)")]),
    dict(story="s2-port-strike", site="capital-brief", file="halvard-dockers-walk-out-72-hours.html",
         published="2026-11-26T13:00:00Z", role="copy",
         headline="Halvard dockers walk out for 72 hours over automated cranes",
         edits=[("merge", 3), ("drop_last", 2)]),

    # --- S3 and S4: two DIFFERENT stories about the same election ----------------------------------
    dict(story="s3-election-count", site="meridian-daily", file="greens-edge-ahead-pellmark-vote.html",
         published="2026-11-23T03:10:00Z", role="origin",
         headline="Greens edge ahead in Pellmark vote as early count favours the cities",
         edits=[]),
    dict(story="s3-election-count", site="lakeside-post", file="pellmark-election-greens-lead-early-count.html",
         published="2026-11-23T06:45:00Z", role="copy",
         headline="Pellmark election: Greens lead early count, Civic Union holds the countryside",
         edits=[("subs", [("percent", "per cent")]), ("dateline", "ROSSBERG"),
                ("note_end", "This article first appeared on Meridian Daily.")]),
    dict(story="s4-election-turnout", site="northwind-wire", file="pellmark-turnout-record-low-storms.html",
         published="2026-11-23T05:30:00Z", role="origin",
         headline="Storms and shut polling stations push Pellmark turnout to a record low",
         edits=[("dateline", "ROSSBERG, Pellmark (Northwind Wire)")]),
    dict(story="s4-election-turnout", site="valley-ledger", file="pellmark-turnout-falls-storms.html",
         published="2026-11-23T09:00:00Z", role="copy",
         headline="Pellmark turnout falls to 48.6% as storms close polling stations",
         edits=[("drop_last", 1), ("subs", [("said", "says"), (" percent", "%")]),
                ("dateline", "ROSSBERG (Northwind Wire)")]),

    # --- S5: the data leak; S6: the follow-up that quotes two of its paragraphs --------------------
    dict(story="s5-data-leak", site="valley-ledger", file="aldenport-portal-exposed-parking-permits.html",
         published="2026-11-24T16:20:00Z", role="origin",
         headline="Aldenport open-data portal exposed 40,000 parking permit records",
         edits=[]),
    dict(story="s5-data-leak", site="capital-brief", file="aldenport-data-blunder-40000-residents.html",
         published="2026-11-24T18:05:00Z", role="copy",
         headline="Aldenport data blunder: 40,000 residents\u2019 details were public for five weeks",
         edits=[("drop_last", 1), ("dateline", "ALDENPORT")]),
    dict(story="s5-data-leak", site="meridian-daily", file="aldenport-leaked-parking-permit-holders.html",
         published="2026-11-25T08:40:00Z", role="copy",
         headline="City of Aldenport leaked parking permit holders\u2019 names and addresses",
         edits=[("merge", 2), ("subs", [("said", "says")]),
                ("note_top", "This story was first published by The Valley Ledger.")]),
    dict(story="s6-data-followup", site="harbour-courier", file="aldenport-data-portal-offline-audit.html",
         published="2026-11-26T19:30:00Z", role="origin",
         headline="Aldenport takes data portal offline and orders outside audit after permit leak",
         edits=[]),
    dict(story="s6-data-followup", site="lakeside-post", file="aldenport-shuts-open-data-portal.html",
         published="2026-11-27T07:15:00Z", role="copy",
         headline="Aldenport shuts open-data portal, brings in auditors",
         edits=[("split", 1), ("drop_last", 1), ("subs", [("said", "says")])]),

    # --- S7 and S8: single-copy stories, both on the Valley Ledger's template ----------------------
    dict(story="s7-marsh-harriers", site="valley-ledger", file="record-marsh-harriers-elden-fen.html",
         published="2026-11-25T11:00:00Z", role="origin",
         headline="Volunteers count record number of marsh harriers at Elden Fen", edits=[]),
    dict(story="s8-bakery", site="valley-ledger", file="brightwell-bakery-to-close.html",
         published="2026-11-26T17:45:00Z", role="origin",
         headline="Brightwell Bakery to close Market Street shop after 61 years", edits=[]),
]

# Pairs of DIFFERENT stories that a clustering must keep apart, with the reason.
MUST_NOT_MERGE = [
    ("s7-marsh-harriers", "s8-bakery", "same-template",
     "two short single-copy stories on the Valley Ledger's heavy divs-only template"),
    ("s1-limousine", "s6-data-followup", "same-template", "both on the Harbour Courier's WordPress template"),
    ("s3-election-count", "s5-data-leak", "same-template", "both on Meridian Daily's Blogger template"),
    ("s2-port-strike", "s4-election-turnout", "same-template",
     "both on the Northwind Wire template and both with a Northwind Wire dateline"),
    ("s3-election-count", "s4-election-turnout", "same-topic",
     "two different stories about the same Pellmark election, sharing names, places and figures"),
    ("s5-data-leak", "s6-data-followup", "follow-up",
     "the follow-up quotes two paragraphs of the leak story verbatim but is a different story"),
]
