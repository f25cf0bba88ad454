"""What plugins and settings files are told, in Swedish and English.

key: (Swedish, English); ``{names}`` are filled in by
:func:`~klusterplan._catalogue.messages.text`.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, tuple[str, str]] = {
    # plugins
    "plugin_exporter": ("format", "exporter"),
    "plugin_rule": ("regel", "rule"),
    "plugin_hook": ("krok", "hook"),
    "branding_order": (
        "profil (branding): {plugins} tillfrågas i den ordningen; den första som svarar för en "
        "plan ger dess utseende",
        "branding: {plugins} asked in this order; the first that answers for a plan gives its look",
    ),
    "branding_none": (
        "profil (branding): ingen insticksmodul ger någon; klusterplans eget utseende",
        "branding: no plugin gives one; klusterplan's own look",
    ),
    "branding_for": (
        "profil för {plan} som {format}: {plugin}",
        "branding for {plan} as {format}: {plugin}",
    ),
    "branding_own": (
        "klusterplans eget utseende (ingen insticksmodul svarade)",
        "klusterplan's own look (no plugin answered)",
    ),
    "plugin_failed": ("misslyckades: {failure}", "failed: {failure}"),
    "plugin_builtin": ("inbyggd", "built-in"),
    "plugin_in_code": ("registrerad i kod", "registered in code"),
    "plugin_named": ("insticksmodulen {plugin}: {message}", "plugin {plugin}: {message}"),
    "plugin_import": ("gick inte att importera: {error}", "failed to import: {error}"),
    "plugin_load": ("gick inte att läsa in ({dist}): {error}", "failed to load ({dist}): {error}"),
    "plugin_register": ("kan inte registreras: {error}", "cannot be registered: {error}"),
    "plugin_no_hook": (
        "implementerar {name}, som inte är någon krok i klusterplan{hint} (den anropas aldrig)",
        "implements {name}, which is not a klusterplan hook{hint} (it is never called)",
    ),
    "plugin_hook_hint": ("; menade du {name}?", "; did you mean {name}?"),
    "plugin_unmarked": (
        "{name} är inte märkt med @klusterplan.hookimpl och anropas därför aldrig",
        "{name} is not marked with @klusterplan.hookimpl, so it is never called",
    ),
    "plugin_raised": ("kroken {hook} gav felet {error}", "hook {hook} raised {error}"),
    "plugin_raised_out": (
        "kroken {hook} gav felet {error}; insticksmodulen lämnas utanför",
        "hook {hook} raised {error}; the plugin is left out",
    ),
    "plugin_returned": (
        "{hook} gav tillbaka {value}, inte {kind}",
        "{hook} returned {value}, not {kind}",
    ),
    "plugin_branding": ("kroken branding: {problem}", "hook branding: {problem}"),
    "plugin_format_taken": (
        "formatet {name} är redan registrerat av insticksmodulen {other}; lämnas utanför",
        "format {name} is already registered by plugin {other}; left out",
    ),
    "plugin_rule_left_out": ("{problem}; lämnas utanför", "{problem}; left out"),
    "plugin_bad_code": (
        "regelkoden {code} är inte versaler följda av tre siffror",
        "rule code {code} is not capital letters followed by three digits",
    ),
    "plugin_bad_name": (
        "regeln {code}: namnet {name} är inte skrivet med små bokstäver och bindestreck "
        "(kebab-case)",
        "rule {code} name {name} is not kebab-case",
    ),
    "plugin_own_prefix": (
        "regelkoden {code}: prefixet {prefix} hör till klusterplans egna regler; lämnas "
        "utanför {plugin}, välj ett eget prefix",
        "rule code {code}: the prefix {prefix} belongs to klusterplan's own rules; left out "
        "of {plugin}, choose a prefix of your own",
    ),
    "plugin_code_twice": (
        "både insticksmodulen {other} och insticksmodulen {plugin} gör anspråk på regelkoden "
        "{code}; lämnas utanför {plugin}",
        "rule code {code} is claimed by both plugin {other} and plugin {plugin}; "
        "left out of {plugin}",
    ),
    "plugin_prefix_twice": (
        "regelkoden {code}: både insticksmodulen {owner} och insticksmodulen {plugin} gör "
        "anspråk på prefixet {prefix}; lämnas utanför {plugin}, välj ett eget prefix",
        "rule code {code}: the prefix {prefix} is claimed by both plugin {owner} and plugin "
        "{plugin}; left out of {plugin}, choose a prefix of your own",
    ),
    # settings files
    "config_toml": (
        "{path}: inte giltig TOML: {detail}; rätta filen",
        "{path}: not valid TOML: {detail}; correct the file",
    ),
    "config_toml_at": (
        "{path}:{line}: {what}; rätta filen",
        "{path}:{line}: {what}; correct the file",
    ),
    "config_not_table": (
        "{path}: [tool.klusterplan] måste vara en tabell",
        "{path}: [tool.klusterplan] must be a table",
    ),
    "config_no_table": (
        "{path}: har ingen tabell [tool.klusterplan]",
        "{path}: has no [tool.klusterplan] table",
    ),
    "config_missing": ("{path}: inställningsfilen finns inte", "{path}: no such settings file"),
    "config_folder": (
        "{path}: är en mapp, inte en inställningsfil; ange filen, t.ex. {path}/klusterplan.toml",
        "{path}: is a folder, not a settings file; name the file, e.g. {path}/klusterplan.toml",
    ),
    "config_not_regular": (
        "{path}: är ingen vanlig fil (en enhet, ett rör eller en sockel); "
        "ange en inställningsfil i TOML, t.ex. klusterplan.toml",
        "{path}: is not a regular file (a device, a pipe or a socket); "
        "name a settings file in TOML, e.g. klusterplan.toml",
    ),
    "config_deep": (
        "{path}: inte giltig TOML: värdena är nästlade för djupt; inställningarna behöver "
        "två nivåer",
        "{path}: not valid TOML: values nested too deeply; the settings need two levels",
    ),
    "config_hyphen": (
        "{path}: {key}: inställningarna skrivs med bindestreck; skriv {spelt}",
        "{path}: {key}: settings are spelt with a hyphen; write {spelt}",
    ),
    "config_hyphen_twice": (
        "{path}: {key} bredvid {spelt}: inställningarna skrivs med bindestreck; skriv {spelt} "
        "en gång",
        "{path}: {key} beside {spelt}: settings are spelt with a hyphen; write {spelt} once",
    ),
    "config_unknown": (
        "{path}: okänd inställning {key}; {hint}inställningarna är {known}",
        "{path}: unknown setting {key}; {hint}the settings are {known}",
    ),
    "config_codes": (
        '{path}: {key} måste vara en lista med regelkoder, t.ex. ["KP1", "KP204"]',
        '{path}: {key} must be a list of rule codes, e.g. ["KP1", "KP204"]',
    ),
    "config_severity": (
        "{where}: {value} är ingen nivå; använd någon av {choices}",
        "{where}: {value} is not a severity; use one of {choices}",
    ),
    "config_severity_table": (
        '{path}: severity måste vara en tabell, t.ex. severity = {{KP105 = "error"}}',
        '{path}: severity must be a table, e.g. severity = {{KP105 = "error"}}',
    ),
    "config_plugins": (
        "{path}: plugins måste ha en tabell för varje insticksmodul, "
        "t.ex. [tool.klusterplan.plugins.kalmar]",
        "{path}: plugins must hold one table per plugin, e.g. [tool.klusterplan.plugins.kalmar]",
    ),
}
