"""PLOVER's event types and quad classes: the one list, read by the events stage, the audit's gold
checks, the store, the web workbench and the Spark tables."""
from __future__ import annotations

# PLOVER manual, "Quad category" of each event type, in the manual's order.
QUAD_CLASS: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
QUAD_NAMES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
EVENT_TYPES = tuple(QUAD_CLASS)
