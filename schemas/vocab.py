"""The annotation guide's vocabularies, shared by the schemas and the extractor."""

ACTIONS = ("launched", "intercepted", "suppressed", "hit", "captured")

COUNT_QUALIFIERS = ("exact", "at_least", "at_most", "approximately", "unspecified")

MUNITION_CLASSES = (
    "ballistic_missile",
    "cruise_missile",
    "missile",
    "uav",
    "guided_bomb",
    "rocket",
    "naval_drone",
    "aircraft",
    "mixed",
)

MUNITION_MODELS = (
    "ATACMS", "Storm Shadow", "HIMARS", "Neptune", "Iskander-M", "Iskander-K", "KN-23",
    "Kinzhal", "Kh-101", "Kh-555", "Kalibr", "Kh-22", "Kh-59", "Kh-69", "Kh-31P", "Zircon",
    "Oniks", "S-300", "S-400", "Oreshnik", "Tochka-U", "Shahed-136", "Gerbera", "Lancet",
    "Orlan-10", "Bayraktar TB2", "Lyutyi", "KAB", "Vampire", "Grad", "Uragan", "Smerch",
    "Su-34", "Su-24", "Su-25", "Su-35", "MiG-29", "A-50", "Tu-22M3", "Ka-52", "Mi-8", "Magura",
    "Kh-32", "Kh-55", "Flamingo", "Shahed-238",
)

CLAIMANT_KINDS = (
    "ministry_of_defence",
    "air_force",
    "general_staff",
    "military_branch",
    "regional_official",
    "national_leader",
    "intelligence",
    "state_media",
    "other",
)

LOCATION_PRECISIONS = ("settlement", "admin1", "country", "none")

REJECT_REASONS = (
    "binary",
    "empty",
    "too_large",
    "outside_root",
    "duplicate",
    "unreadable",
    "extraction_error",
)
