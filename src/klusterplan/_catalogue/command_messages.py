"""What the commands say of their own work, in Swedish and English.

Files written, exports, the workbook and summary, import and check.

key: (Swedish, English); ``{names}`` are filled in by
:func:`~klusterplan._catalogue.messages.text`.
"""

from __future__ import annotations

__all__ = ["MESSAGES"]

MESSAGES: dict[str, tuple[str, str]] = {
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
    "process_ended": (
        "dess process avslutades innan den var klar (slutkod {code}); inget skrevs",
        "its process ended before it finished (exit code {code}); nothing was written",
    ),
    "process_ended_unknown": (
        "dess process avslutades innan den var klar; inget skrevs",
        "its process ended before it finished; nothing was written",
    ),
    "process_killed": (
        "dess process stoppades av signalen {signal} innan den var klar; inget skrevs",
        "its process was stopped by signal {signal} before it finished; nothing was written",
    ),
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
}
