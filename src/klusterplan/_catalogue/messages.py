"""What the ``klusterplan`` command says about what it did, in Swedish and English.

One catalogue for every line a command prints of its own: ``skrev plan.docx``,
a batch export's progress and summary, ``inga ändringar``, and the errors about
folders, files and options. Findings, rule explanations and a plan's problems
carry their own wording (:class:`~klusterplan.Text`); this module gives the
commands theirs, picked by the same rule: ``--lang``, else the plan's
language, else the system's locale (see :func:`shared_language`).

File paths, format names, option names and the severity tokens ``error``,
``warning`` and ``info`` stay as they are in both languages.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .export_messages import MESSAGES as _EXPORT
from .language import is_swedish
from .plan_messages import MESSAGES as _PLAN
from .rule_messages import MESSAGES as _RULES
from .text import Text, in_language

if TYPE_CHECKING:
    from .language import Language

__all__ = ["count", "decimal", "message", "os_reason", "shared_language", "text"]

# key: (Swedish, English); {names} are filled in by message().
_MESSAGES: dict[str, tuple[str, str]] = {
    # what was done
    "wrote": ("skrev {path}", "wrote {path}"),
    "would_write": ("skulle skriva {path}", "would write {path}"),
    "interrupted": ("klusterplan: avbrutet", "klusterplan: interrupted"),
    "aborted": ("Avbrutet!", "Aborted!"),
    # files and folders
    "cannot_write": ("{path}: kan inte skrivas: {reason}", "{path}: cannot be written: {reason}"),
    "cannot_read": ("{path}: kan inte läsas: {reason}", "{path}: cannot be read: {reason}"),
    "cannot_make_folder": (
        "{path}: mappen kan inte skapas: {reason}",
        "{path}: cannot create the folder: {reason}",
    ),
    "folder_not_made": (
        "mappen kan inte skapas: {reason}",
        "cannot create the folder: {reason}",
    ),
    "exists": (
        "{path}: finns redan; välj ett annat namn eller lägg till --force för att skriva över den",
        "{path}: already exists; choose another name or add --force to overwrite it",
    ),
    "no_suffix": ("(ingen filändelse)", "(no suffix)"),
    "none": ("inga", "none"),
    # export
    "need_plan": (
        "ange minst en planfil, eller använd --example",
        "name at least one plan file, or use --example",
    ),
    "no_format": (
        "--to: inget format angivet; ange ett, t.ex. --to docx, eller skriv -o FIL.docx",
        "--to: no format given; name one, e.g. --to docx, or write -o FILE.docx",
    ),
    "no_format_batch": (
        "inget format angivet; ange minst ett, t.ex. --to docx",
        "no format given; name at least one, e.g. --to docx",
    ),
    "unknown_format": (
        "okänt format {name}; {hint}de format som finns: {known}",
        "unknown format {name}; {hint}known formats: {known}",
    ),
    "option_none": (
        "okänd inställning {key}; formatet {names} läser inga inställningar",
        "unknown option {key}; the {names} exporter reads no options",
    ),
    "option_unknown": (
        "okänd inställning {key}; {hint}formatet {names} läser: {listed}",
        "unknown option {key}; {hint}the {names} exporter reads: {listed}",
    ),
    "option_syntax": (
        "--option {value}: skriv den som NYCKEL=VÄRDE",
        "--option {value}: write it as KEY=VALUE",
    ),
    "stdout_one": (
        "-o -: standardutdata rymmer bara en fil, men {many} begärdes; "
        "ange en plan och ett format, eller en mapp",
        "-o -: standard output takes one file, but {many} were asked for; "
        "give one plan and one format, or name a folder",
    ),
    "stdout_format": (
        "-o -: ange med --to vilket format som ska skrivas, t.ex. --to markdown",
        "-o -: say which format to write with --to, e.g. --to markdown",
    ),
    "names_file": (
        "-o {output}: anger en fil, men {many} skrivs; ange en mapp för dem, t.ex. -o {folder}/",
        "-o {output}: names a file, but {many} are written; "
        "name a folder for them, e.g. -o {folder}/",
    ),
    "many_files": ("{files} ({plans} × {formats})", "{files} ({plans} × {formats})"),
    "format_from_name": (
        "-o {output}: formatet går inte att avgöra av namnet; "
        "använd en filändelse ({known}) eller --to",
        "-o {output}: cannot tell the format from the name; use a suffix ({known}) or --to",
    ),
    "is_an_input": (
        "{path}: är en av kommandots indata ({role}); skriv till en annan fil",
        "{path}: is one of this command's inputs ({role}); write to another file",
    ),
    "role_plan": ("en plan", "a plan"),
    "role_template": ("--template", "--template"),
    "role_document": ("dokumentet som läses", "the document being read"),
    "role_from": ("--from", "--from"),
    "is_the_plan": (
        "{path}: är planen som exporteras; ange en annan fil",
        "{path}: is the plan being exported; name another file",
    ),
    "overwrites_itself": (
        "{path}: skulle skriva över själva planen; välj en annan plats med -o",
        "{path}: would overwrite the plan itself; use -o to write elsewhere",
    ),
    "overwrites_other": (
        "{path}: skulle skriva över en annan plan som exporteras; välj en annan plats med -o",
        "{path}: would overwrite another plan being exported; use -o to write elsewhere",
    ),
    "named_twice": (
        "{source}: angiven mer än en gång; exporteras en gång",
        "{source}: named more than once; exported once",
    ),
    "name_taken": (
        "{source}: utdatanamnet {stem} är upptaget av {other}; skrivs som {new} i stället",
        "{source}: the output name {stem} is taken by {other}; written as {new} instead",
    ),
    "worker_died": (
        "{source}: processen som exporterade den stannade innan den var klar ({reason}); "
        "inget skrevs för den",
        "{source}: the process exporting it stopped before it finished ({reason}); "
        "nothing was written for it",
    ),
    "killed": ("avslutad, eller slut på minne", "killed, or out of memory"),
    "pool_broke": ("exportens processpool gick sönder", "the executor's process pool broke"),
    "plan_failed": (
        "[{count}/{total}] {source}: misslyckades",
        "[{count}/{total}] {source}: failed",
    ),
    "batch_summary": (
        "{plans}: {exported}, {failed}; {files} på {seconds} s.",
        "{plans}: {exported}, {failed}; {files} in {seconds} s.",
    ),
    "exported_one": ("{n} exporterad", "{n} exported"),
    "exported_many": ("{n} exporterade", "{n} exported"),
    "failed_count": ("{n} misslyckades", "{n} failed"),
    "written_one": ("{files} skriven", "{files} written"),
    "written_many": ("{files} skrivna", "{files} written"),
    "bar_exporting": ("exporterar", "exporting"),
    "bar_left": ("kvar", "left"),
    "bar_rate": ("{rate} planer/s", "{rate} plans/s"),
    "exporter_failed": (
        "formatet {format} från insticksmodulen {plugin} misslyckades: {detail}",
        "the {format} exporter of plugin {plugin} failed: {detail}",
    ),
    "hook_timeout": (
        "tog längre tid än gränsen på {seconds} s (--hook-timeout)",
        "ran longer than its time limit of {seconds} s (--hook-timeout)",
    ),
    "wrote_nothing": (
        "skrev ingenting; en tom fil är inget {format}-dokument",
        "wrote nothing; an empty file is not a {format} document",
    ),
    "logo_too_big": (
        "logotypen är {size}, mer än gränsen {limit}; utelämnad",
        "the logo is {size}, over the limit of {limit}; left out",
    ),
    "logo_no_pixels": (
        "logotypen har inga bildpunkter (0 × 0); utelämnad",
        "the logo has no pixels (0 × 0); left out",
    ),
    "logo_too_many_pixels": (
        "logotypen är {width} × {height} bildpunkter, mer än gränsen {limit} megapixel; utelämnad",
        "the logo is {width} × {height} pixels, over the limit of {limit} megapixels; left out",
    ),
    "logo_bomb": (
        "logotypen säger sig ha långt fler bildpunkter än gränsen {limit} megapixel; utelämnad",
        "the logo claims far more pixels than the limit of {limit} megapixels; left out",
    ),
    "logo_unknown": (
        "början liknar PNG eller JPEG men resten inte",
        "it begins like a PNG or JPEG but the rest does not",
    ),
    "logo_broken": (
        "logotypen går inte att läsa som bild ({error}); utelämnad",
        "the logo cannot be read as a picture ({error}); left out",
    ),
    "plugin_timeout": (
        "kroken {hook} tog längre tid än gränsen på {seconds} s (--hook-timeout)",
        "hook {hook} ran longer than its time limit of {seconds} s (--hook-timeout)",
    ),
    "exporter_failed_own": (
        "klusterplans eget format {format} misslyckades (ett fel i klusterplan: "
        "rapportera det gärna): {detail}",
        "the {format} exporter klusterplan's own (a bug: please report it) failed: {detail}",
    ),
    # workbook and summary
    "workbook_unknown_format": (
        "--to: okänt format {format}; format som kan skriva arbetsboken: {able}",
        "--to: unknown format {format}; formats that write the workbook: {able}",
    ),
    "workbook_cannot": (
        "--to: formatet {format} kan inte skriva arbetsboken; använd något av: {able}",
        "--to: the {format} format cannot write the workbook; use one of: {able}",
    ),
    "workbook_suffix": (
        "{path}: arbetsboken kan inte skrivas som {suffix}; använd: {known}, eller --to",
        "{path}: cannot write the workbook as {suffix}; use: {known}, or --to",
    ),
    "summary_suffix": (
        "{path}: formatet går inte att avgöra av {suffix}; ange --to",
        "{path}: cannot tell the format from {suffix}; give --to",
    ),
    "summary_data_format": (
        "--to {format}: skriver en plans data, inte en sammanfattning; använd något av: {able}",
        "--to {format}: writes one plan's data, not a summary; use one of: {able}",
    ),
    "summary_needs_output": (
        "--to {format}: ange med -o vilken fil som ska skrivas",
        "--to {format}: name the file to write with -o",
    ),
    "summary_not_loaded": (
        "{source}: kunde inte läsas in; sammanfattningen tar upp den som oläst",
        "{source}: could not be loaded; it is listed in the summary as such",
    ),
    # import
    "import_into_word": (
        "--into {path}: ett Word-dokument; --into anger planfilen (.yaml, .json eller .toml) "
        "som dokumentets ändringar ska skrivas in i",
        "--into {path}: a Word document; --into names the plan file (.yaml, .json or .toml) "
        "to write the document's changes into",
    ),
    "import_where": (
        "ange -o NY.yaml för att skriva en ny plan, eller --into PLAN.yaml för att uppdatera en "
        "befintlig",
        "give -o NEW.yaml to write a new plan, or --into PLAN.yaml to update one",
    ),
    "import_exists": (
        "{path}: filen finns redan; använd --into {path} för att föra in dokumentets "
        "ändringar i den, eller --force för att ersätta den",
        "{path}: the file is there already; use --into {path} to update it "
        "with what the document changes, or --force to replace it",
    ),
    "import_no_changes": (
        "{path}: inga ändringar; den säger redan det som {document} säger",
        "{path}: no changes; it already says what {document} says",
    ),
    "import_none_applied": (
        "{path}: inget ändrat; det som inte kunde föras in står ovan",
        "{path}: nothing changed; what could not be applied is listed above",
    ),
    "import_changed": ("{path}: ändrade {values}", "{path}: changed {values}"),
    "import_would_change": ("{path}: skulle ändra {values}", "{path}: would change {values}"),
    "change_added": ("lade till {value}", "added {value}"),
    "change_removed": ("tog bort {value}", "removed {value}"),
    "change_empty": ("(tomt)", "(empty)"),
    "change_item": ("en post", "an item"),
    # check and rule
    "same_codes": (
        "klusterplan: de installerade insticksmodulerna gör anspråk på samma regelkoder; "
        "avinstallera en av dem",
        "klusterplan: the installed plugins claim the same rule codes; uninstall one of them",
    ),
    "own_prefix_stop": (
        "klusterplan: en insticksmodul har regler under klusterplans eget prefix KP; "
        "kontrollen görs inte förrän insticksmodulen har ett eget prefix eller avinstalleras",
        "klusterplan: a plugin has rules under klusterplan's own prefix KP; the check runs once "
        "the plugin uses a prefix of its own or is uninstalled",
    ),
    "severity_syntax": (
        "--severity {value}: skriv den som KOD=NIVÅ, t.ex. KP105=error",
        "--severity {value}: write it as CODE=LEVEL, e.g. KP105=error",
    ),
    "no_rule": (
        "ingen regel har koden {code}; {hint}`klusterplan rule` listar dem",
        "no rule has the code {code}; {hint}`klusterplan rule` lists them",
    ),
    "did_you_mean": ("menade du {value}? ", "did you mean {value}? "),
    # text at the edges of what a format can hold
    "date_with_time": (
        "här ska det stå ett datum, men det står en tidpunkt, {value}; en plan har inga "
        "klockslag, så skriv {date}",
        "expected a date, got a date and time, {value}; a plan holds no times of day, "
        "so write {date}",
    ),
    "yaml11_number": (
        "{value} läses inte som ett tal: {why}; skriv {write}",
        "{value} is not read as a number: {why}; write {write}",
    ),
    "yaml11_octal": (
        "en inledande 0 gjorde det till ett oktalt tal ({old}) i äldre YAML",
        "a leading 0 made it an octal number ({old}) in older YAML",
    ),
    "yaml11_base": (
        "0x, 0o och 0b gör det till ett tal i en annan talbas ({old})",
        "0x, 0o and 0b make it a number in another base ({old})",
    ),
    "yaml11_digits": (
        "talet med bara siffror, utan kolon, eller texten inom citattecken",
        "the number in digits alone, without the colon, or the text in quotes",
    ),
    "yaml11_sexagesimal": (
        "kolon gjorde det till ett tal i basen 60 ({old}) i äldre YAML, som för klockslag",
        "a colon made it a number in base 60 ({old}) in older YAML, as for a time of day",
    ),
    "template_not_xml": (
        "delen {name} är inte välformad XML ({detail}); spara mallen på nytt från Word",
        "the part {name} is not well-formed XML ({detail}); save the template again from Word",
    ),
    "ua_empty_heading": (
        "rubriken {title} visar inget tecken som syns, och PDF/UA kräver text i varje rubrik; "
        "skriv namnet med bokstäver (`klusterplan check` visar fältet)",
        "the heading {title} shows no visible character, and PDF/UA needs text in every "
        "heading; write the name in letters (`klusterplan check` names the field)",
    ),
    "ua_typst_stopped": (
        "det taggade PDF-dokumentet kunde inte göras, Typst avbröt: {reason}; "
        "dela upp mycket långa ord med mellanslag",
        "the tagged PDF could not be made, Typst stopped: {reason}; "
        "break very long words with spaces",
    ),
    "heading_invisible": (
        "namnet {value} har inget tecken som syns (bara mellanslag, tecken för privat bruk "
        "eller styrtecken): dess rubrik blir tom; skriv namnet med bokstäver",
        "the name {value} has no visible character (only spaces, private-use or control "
        "characters): its heading is empty; write the name in letters",
    ),
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
    # reading a Word document back
    "word_cover": ("på framsidan", "on the cover"),
    "word_under": ("under ”{heading}”", "under ”{heading}”"),
    "word_cell": (
        "i tabellen {under}, rad {row}, kolumn ”{column}”",
        "in the table {under}, row {row}, column ”{column}”",
    ),
    "word_new_row": (
        "i tabellen {under}, rad {row}, från kolumn ”{column}”",
        "in the table {under}, row {row}, from column ”{column}”",
    ),
    "word_outside": (
        "{where}: ”{text}” står utanför alla fält och lästes inte in; skriv det i fältet "
        "eller på raderna där det hör hemma",
        "{where}: ”{text}” stands outside any field and was not read; type it into the field "
        "or lines it belongs to",
    ),
    "word_two_values": (
        "”{here}” här, men ”{there}” {where}; behåll det ena",
        "”{here}” here, but ”{there}” {where}; keep one of them",
    ),
    "word_field_gone": (
        "{name} finns inte längre i dokumentet; värdet behålls",
        "{name} is no longer in the document; its value is kept",
    ),
    "word_row_gone": (
        "raden är borttagen ur tabellen under ”{heading}”, men {name} står kvar på andra "
        "ställen i dokumentet och behålls; ta bort den överallt för att ta bort den",
        "its row was deleted from the table under ”{heading}”, but it still stands elsewhere "
        "in the document, so {name} is kept; delete it everywhere to remove it",
    ),
    "word_gone_from_file": (
        "inte infört ({change}): planfilen har inte längre det som dokumentet ändrade",
        "not applied ({change}): the plan file no longer has what the document changed",
    ),
    "word_changed_in_file": (
        "inte infört ({change}): planfilen har ändrat det sedan dokumentet skapades och "
        "behåller sitt eget värde",
        "not applied ({change}): the plan file has changed it since the document was made, "
        "and keeps its own value",
    ),
    "word_damaged": (
        "planen som dokumentet bär med sig är skadad ({detail}); exportera dokumentet på nytt "
        "från planfilen",
        "the plan the document carries is damaged ({detail}); export the document again from "
        "the plan file",
    ),
    "word_not_ours": (
        "det här Word-dokumentet är inte skrivet av klusterplan, eller så har alla markeringar "
        "av var svaren hör hemma tagits bort; klusterplan läser bara tillbaka sina egna "
        "dokument (klusterplan workbook, klusterplan export --to docx)",
        "this Word document was not written by klusterplan, or every mark of where its answers "
        "go has been removed; klusterplan reads back only its own documents (klusterplan "
        "workbook, klusterplan export --to docx)",
    ),
    "word_index_carried": (
        "märket anger punkt {n} i {list}, men planen som dokumentet bär med sig har {most}; "
        "klusterplan skrev inte märket: ta bort det, eller exportera dokumentet på nytt från "
        "planfilen (en ny rad läggs till genom att kopiera en rad i Word)",
        "the mark names item {n} of {list}, but the plan the document carries has {most}; "
        "klusterplan did not write the mark: remove it, or export the document again from the "
        "plan file (a new row is added by copying a row in Word)",
    ),
    "word_index_room": (
        "märket anger punkt {n} i {list}, men dokumentet har bara {most} stycken, rader och "
        "märken; klusterplan skrev inte märket: ta bort det, eller exportera dokumentet på nytt "
        "från planfilen",
        "the mark names item {n} of {list}, but the document has only {most} paragraphs, rows "
        "and marks; klusterplan did not write the mark: remove it, or export the document "
        "again from the plan file",
    ),
    "word_update_shared": (
        "planfilen använder här ett YAML-ankare (&) eller en sammanslagning (<<), så värdet "
        "står också vid {others}, och en ändring här skulle ändra det där också; skriv ut "
        "värdet i sin helhet på varje ställe (en kopia i stället för aliaset *… eller <<) "
        "och importera igen, eller importera till en ny fil med -o",
        "the plan file uses a YAML anchor (&) or merge key (<<) here, so this value also "
        "stands at {others}, and a change here would change it there too; write the value "
        "out in full in each place (a copy instead of the alias *… or <<) and import again, "
        "or import into a new file with -o",
    ),
    "word_update_unreadable": (
        "uppdateringen gick inte att läsa in igen ({detail}); filen lämnas som den var",
        "the update would not load again ({detail}); the file is left as it was",
    ),
    "word_update_wrong": (
        "uppdateringen skulle inte ge dokumentets plan; filen lämnas som den var",
        "the update would not give the document's plan; the file is left as it was",
    ),
    # a file that cannot be opened
    "file_missing": (
        "filen finns inte; kontrollera namnet och mappen",
        "no such file; check the name and folder",
    ),
    "file_unreadable": ("kan inte läsas: {reason}", "cannot be read: {reason}"),
    "plan_folder": ("det här är en mapp, inte en planfil", "this is a folder, not a plan file"),
    "plan_not_regular": (
        "inte en vanlig fil (en enhet, ett rör eller en sockel); spara planen som fil",
        "not a regular file (a device, a pipe or a socket); save the plan",
    ),
    # a Word document that cannot be opened safely
    "docx_missing": (
        "filen finns inte; kontrollera namnet och mappen",
        "no such file; check the name and folder",
    ),
    "docx_folder": (
        "det här är en mapp, inte ett Word-dokument",
        "this is a folder, not a Word document",
    ),
    "docx_not_regular": (
        "inte en vanlig fil (en enhet, ett rör eller en sockel); spara Word-dokumentet som "
        "fil och ange den",
        "not a regular file (a device, a pipe or a socket); save the Word document as a file "
        "and name that",
    ),
    "docx_not_word": (
        "inget Word-dokument (.docx), eller skadat: {detail}; öppna det i Word och spara det "
        "på nytt som Word-dokument",
        "not a Word document (.docx) or damaged: {detail}; open it in Word and save it "
        "again as a Word document",
    ),
    "docx_entries": (
        "arkivet har {n} delar; avvisat som skadligt",
        "the archive holds {n} entries; refused as hostile",
    ),
    "docx_lacks": (
        "Word-dokumentet saknar sin del {name}",
        "the Word document lacks its part {name}",
    ),
    "docx_encrypted": (
        "dokumentet är krypterat; spara det utan lösenord",
        "the document is encrypted; save it without a password",
    ),
    "docx_too_big": (
        "delen {name} packas upp till {size} byte, mer än de {limit} som klusterplan läser; "
        "avvisat",
        "the part {name} unpacks to {size} bytes, more than the {limit} klusterplan reads; refused",
    ),
    "docx_bomb": (
        "delen {name} packas upp till {times} gånger sin packade storlek, som en zipbomb gör; "
        "avvisat",
        "the part {name} unpacks to {times} times its packed size, as a zip bomb does; refused",
    ),
    "docx_over": (
        "delen {name} packas upp till mer än {limit} byte; avvisat",
        "the part {name} unpacks to more than {limit} bytes; refused",
    ),
    "docx_damaged_part": (
        "delen {name} är skadad ({detail}); öppna dokumentet i Word och spara det på nytt",
        "the part {name} is damaged ({detail}); open it in Word and save it again",
    ),
    "docx_dtd": (
        "delen {name} deklarerar en dokumenttyp (DTD), vilket Word aldrig skriver; avvisat, "
        "eftersom entiteter i den skulle kunna läsa andra filer",
        "the part {name} declares a document type (DTD), which Word never writes; "
        "refused, since entities in it could read other files",
    ),
    "docx_dtd_short": (
        "delen {name} deklarerar en dokumenttyp (DTD); avvisat",
        "the part {name} declares a document type (DTD); refused",
    ),
    "docx_xml": (
        "delen {name} är inte välformad XML: {detail}",
        "the part {name} is not well-formed XML: {detail}",
    ),
    # a value typed in a Word document
    "value_number": (
        "här ska stå ett heltal, men det står ”{text}”",
        "expected a whole number, got ”{text}”",
    ),
    "value_digits": (
        "här står ett tal med {digits} siffror; en plans tal (röster, åldrar, kronor) har högst "
        "{most}",
        "a number of {digits} digits; plan values (votes, ages, kronor) have at most {most}",
    ),
    "value_date": (
        "här ska stå ett datum skrivet som ÅÅÅÅ-MM-DD, men det står ”{text}”",
        "expected a date written as YYYY-MM-DD, got ”{text}”",
    ),
    "value_yes_no": (
        "här ska stå ja eller nej, men det står ”{text}”",
        "expected ja or nej (yes or no), got ”{text}”",
    ),
    "value_choice": (
        "här ska stå något av {choices}, men det står ”{text}”",
        "expected one of {choices}, got ”{text}”",
    ),
    "value_no_group": (
        "ingen målgrupp heter ”{text}”; skriv någon av: {known} (eller lägg till gruppen i "
        "listan över målgrupper)",
        "no target group is named ”{text}”; write one of: {known} (or add the group to the "
        "list of target groups)",
    ),
    "value_none_yet": ("inga än", "none yet"),
    "value_no_centre": (
        "inget centrum heter ”{text}”; skriv något av: {known}",
        "no centre is called ”{text}”; write one of: {known}",
    ),
    "value_no_step": (
        "inget steg i trappan heter ”{text}”; skriv något av: {known}",
        "no step of the staircase is called ”{text}”; write one of: {known}",
    ),
    "value_no_field": ("klusterplan har inget fält {path}", "klusterplan knows no field {path}"),
    "value_not_typed": (
        "{path} är inget värde som kan skrivas in",
        "{path} is not a value that can be typed",
    ),
    "bad_language": (
        "{value} är inget språk; använd sv (svenska) eller en (English)",
        "{value} is not a language; use sv (svenska) or en (English)",
    ),
    # what an export changed in the plan's text or look, and why
    "became_breaks": (
        "{styrtecken} {chars} blev {radbrytningar}",
        "{characters} {chars} became {breaks}",
    ),
    "left_out": (
        "{styrtecken} {chars} kan inte skrivas och togs bort",
        "{characters} {chars} cannot be written and {was} left out",
    ),
    "not_a_colour": (
        "profilens {what} {value} är ingen #RRGGBB-färg; {default} används",
        "branding {what} {value} is not a #RRGGBB colour; {default} used",
    ),
    "low_contrast": (
        "profilens {what} {value} har kontrasten {ratio}:1 mot vitt, under de {minimum}:1 som "
        "WCAG 2.1 AA kräver; {default} används",
        "branding {what} {value} has a contrast of {ratio}:1 against white, under the "
        "{minimum}:1 that WCAG 2.1 AA asks of it; {default} used",
    ),
    "primary_colour": ("huvudfärg", "primary colour"),
    "accent_colour": ("accentfärg", "accent colour"),
    "no_alt_text": (
        "bilden {name} saknar alternativtext; ett tillägg bör ge den en",
        "picture {name} has no alt text; a plugin should give it one",
    ),
    "property_shortened": (
        "dokumentegenskapen {what} är {length} tecken lång; förkortad till {most}, det mesta "
        "Word behåller (själva texten är hel)",
        "the document property {what} is {length} characters long; shortened to {most}, the "
        "most Word keeps (the text itself is whole)",
    ),
    "printed_as": (
        "{char} finns inte i PDF-typsnittet; skrivs som {substitute}",
        "{char} is not in the PDF font; printed as {substitute}",
    ),
    "control_left_out": (
        "styrtecknet {char} togs bort",
        "the control character {char} was left out",
    ),
    "not_in_font": (
        "tecknet {char} finns inte i PDF-typsnittet och inte heller i reservtypsnittet",
        "the character {char} is not in the PDF font nor in the fallback font",
    ),
    "not_in_font_ua": (
        "tecknet {char} finns inte i PDF-typsnittet; den taggade PDF:en sätts bara i Carlito: "
        "skriv det på annat sätt, eller publicera HTML",
        "the character {char} is not in the PDF font; the tagged PDF is set in Carlito only: "
        "write it another way, or publish HTML",
    ),
    "not_in_font_hint": (
        "tecknet {char} finns inte i PDF-typsnittet; ange ett typsnitt som har det med "
        "--option pdf.fallback_font=FIL.ttf",
        "the character {char} is not in the PDF font; name a font that has it with "
        "--option pdf.fallback_font=FILE.ttf",
    ),
    # which plugins' rules a check ran, beside klusterplan's own
    "rules_from_plugins": (
        "regler från insticksmoduler: {plugins}",
        "rules from plugins: {plugins}",
    ),
    # a model class built from code with a value of the wrong kind
    "model_text": (
        'här ska det stå text, men det står {got_sv}; skriv {field}="..."',
        'expected text, got {got}; write {field}="..."',
    ),
    "model_number": (
        "här ska det stå ett heltal eller None, men det står {got_sv}",
        "expected a whole number or None, got {got}",
    ),
    "model_number_quoted": (
        "här ska det stå ett heltal, men det står {got_sv}; skriv talet utan citattecken, "
        "{field}={example}, eller int(...) om det kommer från en text",
        "expected a whole number, got {got}; write the number without quotes, "
        "{field}={example}, or int(...) when it comes from a text",
    ),
    "model_bool": (
        "här ska det stå True eller False, men det står {got_sv}",
        "expected True or False, got {got}",
    ),
    "model_date": (
        'här ska det stå ett datum, datetime.date(2011, 3, 1) eller "2011-03-01", men det '
        "står {got_sv}",
        'expected a date, datetime.date(2011, 3, 1) or "2011-03-01", got {got}',
    ),
    "model_choice": (
        "här ska det stå något av {choices}, men det står {got_sv}",
        "expected one of {choices}, got {got}",
    ),
    "model_instance": (
        "här ska det stå en {kind}(...), men det står {got_sv}",
        "expected a {kind}(...), got {got}",
    ),
    "model_list": (
        "här ska det stå en lista eller tupel av {kind}, men det står {got_sv}",
        "expected a list or tuple of {kind}, got {got}",
    ),
    "model_item": (
        "här ska det stå en {kind}, men det står {got_sv}",
        "expected a {kind}, got {got}",
    ),
    "model_id_space": (
        "ett id är ett ord utan mellanslag, men det står {value}; skriv t.ex. {suggestion}",
        "an id is one word without spaces, got {value}; write e.g. {suggestion}",
    ),
}

# the messages of plan files, rules and exports live beside these, one module an area
for _area in (_PLAN, _RULES, _EXPORT):
    assert not _area.keys() & _MESSAGES.keys(), _area.keys() & _MESSAGES.keys()
    _MESSAGES.update(_area)

# what the operating system says when a file cannot be read or written, in the
# reader's words; the English is the system's own wording on Linux and macOS
_OS_REASONS: dict[int, str] = {
    errno.ENOENT: "os_no_such_file",
    errno.EACCES: "os_permission_denied",
    errno.EPERM: "os_permission_denied",
    errno.EISDIR: "os_is_a_directory",
    errno.ENOTDIR: "os_not_a_directory",
    errno.ENOSPC: "os_no_space",
    errno.EROFS: "os_read_only",
}
_MESSAGES.update(
    {
        "os_no_such_file": ("filen eller mappen finns inte", "No such file or directory"),
        "os_permission_denied": (
            "åtkomst nekad; du saknar behörighet till filen eller mappen",
            "Permission denied",
        ),
        "os_is_a_directory": ("är en mapp, inte en fil", "Is a directory"),
        "os_not_a_directory": ("en del av sökvägen är ingen mapp", "Not a directory"),
        "os_no_space": ("det finns inget utrymme kvar på disken", "No space left on device"),
        "os_read_only": ("filsystemet är skrivskyddat", "Read-only file system"),
    }
)

# noun: ((Swedish one, Swedish many), (English one, English many))
_NOUNS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "plan": (("plan", "planer"), ("plan", "plans")),
    "file": (("fil", "filer"), ("file", "files")),
    "format": (("format", "format"), ("format", "formats")),
    "value": (("värde", "värden"), ("value", "values")),
}


def message(key: str, language: Language | str | None, /, **values: object) -> str:
    """The message ``key`` in ``language``, its ``{names}`` filled in.

    A value given as a :class:`~klusterplan.Text` is filled in in the same language.
    """
    sv, en = _MESSAGES[key]
    template = sv if is_swedish(language) else en
    filled = {k: in_language(v, language) if isinstance(v, str) else v for k, v in values.items()}
    return template.format(**filled)


def text(key: str, /, **values: object) -> Text:
    """The message ``key`` in both languages, for code that does not know the reader's."""
    return Text(message(key, "en", **values), message(key, "sv", **values))


def count(n: int, noun: str, language: Language | str | None) -> str:
    """``3 planer``, ``1 fil``, ``2 values``: a number with its noun, singular or plural."""
    sv, en = _NOUNS[noun]
    one, many = sv if is_swedish(language) else en
    return f"{n} {one if n == 1 else many}"


def decimal(value: float, language: Language | str | None) -> str:
    """``1.5`` in English, ``1,5`` in Swedish: one decimal."""
    shown = f"{value:.1f}"
    return shown.replace(".", ",") if is_swedish(language) else shown


def shared_language(
    chosen: Language | None, languages: Iterable[Language | None], fallback: Language
) -> Language:
    """The language of a command's own lines about several plans.

    ``--lang`` (``chosen``) if given; else the plans' language when every plan
    whose language is known has the same one; else ``fallback``, the system's
    locale: plans in different languages (or none known) get the reader's.
    """
    if chosen is not None:
        return chosen
    known = {language for language in languages if language is not None}
    return known.pop() if len(known) == 1 else fallback


def os_reason(exc: OSError) -> Text:
    """Why the operating system refused a file, in both languages.

    The common refusals (no such file, permission denied, is a directory, no
    space left, a read-only file system) have Swedish wordings; any other
    gives the system's own text in both.
    """
    key = _OS_REASONS.get(exc.errno or 0)
    if key is not None:
        return text(key)
    said = exc.strerror or str(exc)
    return Text(said, said)
